import type { StorageConfig } from '@certhub/config';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { mongo, type Connection } from 'mongoose';
import { STORAGE_CONFIG } from '../config/storage-config.token';
import { MONGO_CONNECTION_OPTIONS } from './mongo-connection-options';

/** How often storage asks its database whether it answers. */
export const PROBE_INTERVAL_MS = 1_000;
/** A ping slower than this counts as no answer. */
const PING_TIMEOUT_MS = 1_500;
/** The database counts as reachable this long after its last answer: a missed probe or two is not an outage. */
const REACHABLE_FOR_MS = 3 * PROBE_INTERVAL_MS;
/** After this long without an answer on our connection, a fresh client tells whether the fault is ours. */
export const STUCK_AFTER_MS = 8_000;

/**
 * Storage's view of its database, taken from what the database answers (a `ping` every second) rather than
 * from mongoose's connection state, which is driven by driver events and was once seen stuck at
 * "disconnected" for minutes after a MongoDB restart while the database was fine. When our connection has not
 * been answered for a while but a brand-new client is, the connection is opened again: recovery never needs a
 * restart of the service.
 */
@Injectable()
export class DatabaseProbe implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseProbe.name);
  private lastAnsweredAt = 0;
  private unansweredSince: number | null = null;
  private probing = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
  ) {}

  /** Whether the database answered our connection within the last few seconds. */
  reachable(): boolean {
    return Date.now() - this.lastAnsweredAt <= REACHABLE_FOR_MS;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.probe(), PROBE_INTERVAL_MS);
    this.timer.unref();
    void this.probe();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One probe; overlapping calls share nothing and the second simply returns. */
  async probe(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    try {
      if (await answersPing(this.connection.db)) {
        this.lastAnsweredAt = Date.now();
        this.unansweredSince = null;
        return;
      }
      this.unansweredSince ??= Date.now();
      if (Date.now() - this.unansweredSince >= STUCK_AFTER_MS && (await this.freshClientIsAnswered())) await this.reopen();
    } finally {
      this.probing = false;
    }
  }

  private async freshClientIsAnswered(): Promise<boolean> {
    const client = new mongo.MongoClient(this.config.mongoUrl, { serverSelectionTimeoutMS: PING_TIMEOUT_MS, connectTimeoutMS: PING_TIMEOUT_MS });
    try {
      return await answersPing(client.db());
    } finally {
      await client.close().catch(() => undefined);
    }
  }

  private async reopen(): Promise<void> {
    this.logger.warn(`MongoDB answers a new client but has not answered ours for ${Date.now() - (this.unansweredSince ?? Date.now())} ms: opening the connection again`);
    try {
      // Not a forced close: mongoose refuses every later operation on a force-closed connection, even once
      // reopened. Bounded, as a stuck client may never finish closing.
      await Promise.race([this.connection.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, PING_TIMEOUT_MS))]);
      await this.connection.openUri(this.config.mongoUrl, MONGO_CONNECTION_OPTIONS);
      this.unansweredSince = null;
      this.logger.log('MongoDB connection opened again');
    } catch (error) {
      this.logger.error(`opening the MongoDB connection again failed: ${String(error)}`);
    }
  }
}

async function answersPing(db: mongo.Db | undefined): Promise<boolean> {
  if (!db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS)));
  const answered = db
    .command({ ping: 1 })
    .then((reply) => reply['ok'] === 1)
    .catch(() => false);
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
