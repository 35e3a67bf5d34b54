import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { ALIBABA_CAS_CONFIG, loadAlibabaCasConfig } from './alibaba-cas.config';
import { AlibabaCasController } from './alibaba-cas.controller';
import { AlibabaNonceCache } from './alibaba-nonce-cache';
import { AlibabaNonceLedger } from './alibaba-nonce-ledger';
import { AlibabaRequestAuthenticator } from './alibaba-request-authenticator.service';

/** Alibaba Cloud CAS on "/": CreateUserCertificate (2018-07-13) and UploadUserCertificate (2020-04-07), signature v1 or v3; see docs/dialects/alibaba-cas.md. */
@Module({
  imports: [ImportsModule],
  controllers: [AlibabaCasController],
  providers: [
    { provide: ALIBABA_CAS_CONFIG, useFactory: () => loadAlibabaCasConfig() },
    AlibabaNonceCache,
    AlibabaNonceLedger,
    AlibabaRequestAuthenticator,
  ],
})
export class AlibabaCasModule {}
