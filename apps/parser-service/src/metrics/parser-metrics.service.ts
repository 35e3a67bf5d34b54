import { Consumers, Streams } from '@certhub/contracts';
import { consumerLag, JETSTREAM_MANAGER } from '@certhub/messaging';
import { METRICS_REGISTRY, registerConsumerLag } from '@certhub/observability';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { JetStreamManager } from 'nats';
import type { Registry } from 'prom-client';

/** The parser's own series: how far it is behind the command stream. */
@Injectable()
export class ParserMetrics implements OnModuleInit {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(JETSTREAM_MANAGER) private readonly jsm: JetStreamManager,
  ) {}

  onModuleInit(): void {
    registerConsumerLag(this.registry, Consumers.parser, { lag: () => consumerLag(this.jsm, Streams.commands.name, Consumers.parser) });
  }
}
