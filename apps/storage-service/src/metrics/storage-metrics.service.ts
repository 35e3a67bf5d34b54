import { Consumers, Streams, type CertificateOutcomeEvent } from '@certhub/contracts';
import { consumerLag, JETSTREAM_MANAGER } from '@certhub/messaging';
import { METRICS_REGISTRY, registerConsumerLag } from '@certhub/observability';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { JetStreamManager } from 'nats';
import { Counter, Gauge, type Registry } from 'prom-client';
import { Certificate } from '../certificates/schemas/certificate.schema';

/**
 * Storage decides every outcome, so it counts them (by error code for rejections), and it holds every
 * certificate, so it exposes each one's expiry as a timestamp for alerting (`… - time() < 14*86400`).
 */
@Injectable()
export class StorageMetrics implements OnModuleInit {
  private outcomes: Counter<'operation' | 'outcome' | 'code'> | null = null;

  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(JETSTREAM_MANAGER) private readonly jsm: JetStreamManager,
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
  ) {}

  onModuleInit(): void {
    registerConsumerLag(this.registry, Consumers.storage, { lag: () => consumerLag(this.jsm, Streams.pipeline.name, Consumers.storage) });
    this.outcomes = new Counter({
      name: 'certhub_outcomes_total',
      help: 'Outcomes decided, by operation, outcome and error code (empty when stored).',
      labelNames: ['operation', 'outcome', 'code'],
      registers: [this.registry],
    });
    const certificates = this.certificates;
    new Gauge({
      name: 'certhub_certificate_not_after_timestamp_seconds',
      help: 'Expiry of each stored certificate, as a Unix timestamp.',
      labelNames: ['tenant', 'certificate_id', 'name'],
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          const cursor = certificates.find({}, { tenantId: 1, name: 1, notAfter: 1 }).lean().cursor({ batchSize: 1_000 });
          for await (const doc of cursor) {
            this.set({ tenant: doc.tenantId, certificate_id: String(doc._id), name: doc.name }, Math.floor(doc.notAfter.getTime() / 1_000));
          }
        } catch {
          // Database unreachable: this scrape has no expiry series; readiness already reports the outage.
        }
      },
    });
  }

  /** Called once per newly decided outcome (not for republished ones). */
  countOutcome(outcome: CertificateOutcomeEvent): void {
    this.outcomes?.inc({ operation: outcome.operation, outcome: outcome.outcome, code: outcome.outcome === 'rejected' ? outcome.code : '' });
  }
}
