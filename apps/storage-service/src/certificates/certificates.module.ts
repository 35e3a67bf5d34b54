import type { StorageConfig } from '@certhub/config';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CertificateIndexes } from './certificate-indexes.service';
import { CertificateWriter } from './certificate-writer.service';
import { IdAllocator } from './id-allocator.service';
import { ID_BLOCK_SIZE } from './id-block-size.token';
import { Certificate, CertificateSchema } from './schemas/certificate.schema';
import { Counter, CounterSchema } from './schemas/counter.schema';
import { STORAGE_CONFIG } from '../config/storage-config.token';
import { VERSIONS_KEPT } from './versions-kept.token';

/**
 * The certificates collection and its one writer. Depends on no other feature: outcomes read the stored
 * certificates (the exported models), the pipeline writes through CertificateWriter.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Certificate.name, schema: CertificateSchema },
      { name: Counter.name, schema: CounterSchema },
    ]),
  ],
  providers: [
    IdAllocator,
    CertificateIndexes,
    CertificateWriter,
    { provide: ID_BLOCK_SIZE, useFactory: (config: StorageConfig) => config.idBlockSize, inject: [STORAGE_CONFIG] },
    { provide: VERSIONS_KEPT, useFactory: (config: StorageConfig) => config.lifecycle.versionsKept, inject: [STORAGE_CONFIG] },
  ],
  exports: [MongooseModule, CertificateWriter],
})
export class CertificatesModule {}
