import { Consumers, deadLetterSubject, Streams } from '@certhub/contracts';
import type { ParserConfig } from '@certhub/config';
import { JETSTREAM, JETSTREAM_MANAGER, startDurableConsumer, type DurableConsumer } from '@certhub/messaging';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { JetStreamClient, JetStreamManager } from 'nats';
import { PARSER_CONFIG } from '../app/parser-config.token';
import { CommandHandler } from './command.handler';
import { decodeCommand, type DecodedCommand } from './command.decoder';

/** Consumes `certificate.create` / `certificate.update` from the durable `parser-service` consumer. */
@Injectable()
export class CommandsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CommandsConsumer.name);
  private consumer: DurableConsumer<DecodedCommand> | null = null;

  constructor(
    @Inject(PARSER_CONFIG) private readonly config: ParserConfig,
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    @Inject(JETSTREAM_MANAGER) private readonly jsm: JetStreamManager,
    private readonly handler: CommandHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await startDurableConsumer<DecodedCommand>({
      js: this.js,
      jsm: this.jsm,
      stream: Streams.commands.name,
      durable: Consumers.parser,
      ackWaitMs: this.config.ackWaitMs,
      concurrency: this.config.concurrency,
      maxDeliver: this.config.maxDeliver,
      deadLetterSubject: deadLetterSubject('parser'),
      decode: (data, subject) => decodeCommand(subject, data),
      handle: (decoded, msg) => this.handler.handle(decoded, { stream: msg.info.stream, sequence: msg.info.streamSequence }),
      logger: this.logger,
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
