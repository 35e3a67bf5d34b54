import { Global, Module } from '@nestjs/common';
import { CredentialResolver } from './credential-resolver.service';
import { HuaweiAkskAuthenticator } from './huawei-aksk/huawei-aksk-authenticator.service';

@Global()
@Module({ providers: [CredentialResolver, HuaweiAkskAuthenticator], exports: [CredentialResolver, HuaweiAkskAuthenticator] })
export class AuthModule {}
