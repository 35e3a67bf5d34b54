import { Global, Module } from '@nestjs/common';
import { CredentialResolver } from './credential-resolver.service';

@Global()
@Module({ providers: [CredentialResolver], exports: [CredentialResolver] })
export class AuthModule {}
