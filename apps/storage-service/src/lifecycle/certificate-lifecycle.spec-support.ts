import type { StorageConfig } from '@certhub/config';
import { Registry } from 'prom-client';
import { CertificateWriter } from '../certificates/certificate-writer.service';
import { IdAllocator } from '../certificates/id-allocator.service';
import { ExpiryMetrics } from '../expiry/expiry-metrics.service';
import type { StorageDatabase } from '../storage-database.spec-support';
import { CertificateLifecycle } from './certificate-lifecycle.service';

/** Writer and lifecycle over a spec's database, keeping `versionsKept` versions and deleted keys `retentionMs`. */
export function lifecycleOver(database: StorageDatabase, options: { versionsKept: number; retentionMs: number }) {
  const config = { lifecycle: { versionsKept: options.versionsKept, deletedKeyRetentionMs: options.retentionMs }, expiry: { thresholdsDays: [1, 7, 14, 30] } } as unknown as StorageConfig;
  const writer = new CertificateWriter(database.certificates, new IdAllocator(database.counters), options.versionsKept);
  const registry = new Registry();
  const expiryMetrics = new ExpiryMetrics(registry, config, database.certificates);
  expiryMetrics.onModuleInit();
  const lifecycle = new CertificateLifecycle(config, database.certificates, database.deletedCertificates, writer, expiryMetrics);
  return { config, writer, lifecycle, registry, expiryMetrics };
}
