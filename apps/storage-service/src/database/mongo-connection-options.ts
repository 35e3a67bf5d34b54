import type { ConnectOptions } from 'mongoose';

/** How storage talks to MongoDB; also used when the database watchdog opens the connection again. */
export const MONGO_CONNECTION_OPTIONS: ConnectOptions = {
  // Fail fast while MongoDB is down: the message is retried by the consumer, not queued in memory.
  bufferCommands: false,
  serverSelectionTimeoutMS: 2_000,
  heartbeatFrequencyMS: 2_000,
  autoIndex: false,
};
