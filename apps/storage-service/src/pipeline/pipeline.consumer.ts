import { Consumers, deadLetterSubject, Streams } from '@certhub/contracts';
import type { StorageConfig } from '@certhub/config';
import { JETSTREAM, JETSTREAM_MANAGER, startDurableConsumer, type DurableConsumer } from '@certhub/messaging';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { JetStreamClient, JetStreamManager } from 'nats';
import { CertificateIndexes } from '../certificates/certificate-indexes.service';
import { STORAGE_CONFIG } from '../app/storage-config.token';
import { decodeParsedEvent } from './parsed-event.decoder';
import { ParsedCertificateHandler } from './parsed-certificate.handler';

/** Consumes the parser's verdicts from the durable `storage-service` consumer. */
@Injectable()
export class PipelineConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PipelineConsumer.name);
  private consumer: DurableConsumer<ReturnType<typeof decodeParsedEvent>> | null = null;

  constructor(
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    @Inject(JETSTREAM_MANAGER) private readonly jsm: JetStreamManager,
    private readonly indexes: CertificateIndexes,
    private readonly handler: ParsedCertificateHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Unique indexes must exist before the first write, or two creates of one name could both succeed.
    await this.indexes.ensure();
    this.consumer = await startDurableConsumer({
      js: this.js,
      jsm: this.jsm,
      stream: Streams.pipeline.name,
      durable: Consumers.storage,
      ackWaitMs: this.config.ackWaitMs,
      concurrency: this.config.concurrency,
      maxDeliver: this.config.maxDeliver,
      deadLetterSubject: deadLetterSubject('storage'),
      decode: decodeParsedEvent,
      handle: (event, msg) => this.handler.handle(event, { stream: msg.info.stream, sequence: msg.info.streamSequence }),
      logger: this.logger,
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
