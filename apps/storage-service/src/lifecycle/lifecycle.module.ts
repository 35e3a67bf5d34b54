import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CertificatesModule } from '../certificates/certificates.module';
import { ExpiryModule } from '../expiry/expiry.module';
import { CertificateLifecycle } from './certificate-lifecycle.service';
import { DeletedKeyPurge } from './deleted-key-purge.service';
import { DeletedCertificate, DeletedCertificateSchema } from './schemas/deleted-certificate.schema';

/** Delete (with its tombstones and the purge of their keys) and rollback; the pipeline decides them through this. */
@Module({
  imports: [CertificatesModule, ExpiryModule, MongooseModule.forFeature([{ name: DeletedCertificate.name, schema: DeletedCertificateSchema }])],
  providers: [CertificateLifecycle, DeletedKeyPurge],
  exports: [CertificateLifecycle],
})
export class LifecycleModule {}
