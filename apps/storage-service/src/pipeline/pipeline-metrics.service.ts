import { Consumers, Streams, type CertificateOutcomeEvent } from '@certhub/contracts';
import { consumerLag, JETSTREAM_MANAGER } from '@certhub/messaging';
import { METRICS_REGISTRY, registerConsumerLag } from '@certhub/observability';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { JetStreamManager } from 'nats';
import { Counter, type Registry } from 'prom-client';

/**
 * The pipeline decides every outcome, so it counts them (by error code for rejections), and reports its
 * consumer's lag. Certificate expiry metrics come from the expiry watch (expiry/expiry-metrics.service.ts),
 * bounded and refreshed by its scan, never read per scrape.
 */
@Injectable()
export class PipelineMetrics implements OnModuleInit {
  private outcomes: Counter<'operation' | 'outcome' | 'code'> | null = null;

  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(JETSTREAM_MANAGER) private readonly jsm: JetStreamManager,
  ) {}

  onModuleInit(): void {
    registerConsumerLag(this.registry, Consumers.storage, { lag: () => consumerLag(this.jsm, Streams.pipeline.name, Consumers.storage) });
    this.outcomes = new Counter({
      name: 'certhub_outcomes_total',
      help: 'Outcomes decided, by operation, outcome and error code (empty when stored).',
      labelNames: ['operation', 'outcome', 'code'],
      registers: [this.registry],
    });
  }

  /** Called once per newly decided outcome (not for republished ones). */
  countOutcome(outcome: CertificateOutcomeEvent): void {
    this.outcomes?.inc({ operation: outcome.operation, outcome: outcome.outcome, code: outcome.outcome === 'rejected' ? outcome.code : '' });
  }
}
