import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { CertificateLifecycleController } from './certificate-lifecycle.controller';

/** Delete and rollback on the certhub API, through the shared write path. */
@Module({ imports: [ImportsModule], controllers: [CertificateLifecycleController] })
export class CertificateLifecycleModule {}
