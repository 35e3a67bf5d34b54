import { Module } from '@nestjs/common';
import { CertificateQueriesController } from './certificate-queries.controller';
import { CertificateQueryRpc } from './certificate-query-rpc.service';

/** Read-only listing of a tenant's certificates by host name and expiry. */
@Module({ controllers: [CertificateQueriesController], providers: [CertificateQueryRpc] })
export class CertificateQueriesModule {}
