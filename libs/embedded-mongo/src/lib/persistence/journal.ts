import { fdatasyncSync, writeSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { BsonDoc } from '../bson/bson-values';
import { encodeRecord } from './record-codec';

interface Waiter {
  readonly sequence: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

export interface JournalOptions {
  /** fsync (fdatasync) each batch before the writes in it are acknowledged. */
  readonly fsync: boolean;
  /** Called between batches when the file has grown past `compactAtBytes`. */
  readonly compactAtBytes: number;
  readonly compact: () => Promise<void>;
  readonly log: (line: string) => void;
}

/**
 * Append-only log of applied mutations with group commit: records appended while one batch is being written
 * and fsynced go out together in the next batch, so 100 concurrent writes cost a few fsyncs, not 100.
 * Memory is applied first and is the arbiter; the journal only has to make acknowledged writes durable.
 */
export class Journal {
  private pending: Buffer[] = [];
  private appended = 0;
  private durable = 0;
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | undefined;
  private failure: Error | undefined;

  constructor(
    private file: FileHandle,
    private fileBytes: number,
    private readonly options: JournalOptions,
  ) {}

  /** How many records have been appended: a write waits until `durable` reaches its sequence number. */
  get sequence(): number {
    return this.appended;
  }

  /** Set once a write failed: memory is then ahead of disk, so the server refuses further writes. */
  get failed(): Error | undefined {
    return this.failure;
  }

  get bytesInFile(): number {
    return this.fileBytes;
  }

  append(record: BsonDoc): void {
    if (this.failure) return;
    this.pending.push(encodeRecord(record));
    this.appended += 1;
    this.flushing ??= this.flushLoop();
  }

  waitDurable(sequence: number): Promise<void> {
    if (sequence <= this.durable) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ sequence, resolve, reject }));
  }

  /** Resolves once everything appended so far is written (or the journal has failed). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /**
   * Switches to a new file, first writing what is still pending to the old one (synchronously, so nothing
   * can be appended in between): the caller snapshots memory right after, and the snapshot then covers
   * exactly the old file. Returns the old file for the caller to close.
   */
  rotate(next: FileHandle): FileHandle {
    if (this.pending.length > 0) {
      const batch = Buffer.concat(this.pending);
      this.pending = [];
      for (let offset = 0; offset < batch.length; ) offset += writeSync(this.file.fd, batch, offset);
      if (this.options.fsync) fdatasyncSync(this.file.fd);
      this.settle(this.appended);
    }
    const previous = this.file;
    this.file = next;
    this.fileBytes = 0;
    return previous;
  }

  async close(): Promise<void> {
    await this.drain();
    await this.file.close();
  }

  private async flushLoop(): Promise<void> {
    try {
      // Let the other sockets' commands that are already readable append too: they join this batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.pending.length > 0) {
        const batch = Buffer.concat(this.pending);
        const upTo = this.appended;
        this.pending = [];
        await this.file.appendFile(batch);
        if (this.options.fsync) await this.file.datasync();
        this.fileBytes += batch.length;
        this.settle(upTo);
        if (this.fileBytes >= this.options.compactAtBytes) await this.compactSafely();
      }
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.flushing = undefined;
    }
  }

  private async compactSafely(): Promise<void> {
    try {
      await this.options.compact();
    } catch (error) {
      // The journal is still complete; compaction is retried after the next batch.
      this.options.log(`embedded-mongo: journal compaction failed: ${String(error)}`);
    }
  }

  private settle(upTo: number): void {
    this.durable = upTo;
    const ready = this.waiters.filter((w) => w.sequence <= upTo);
    this.waiters = this.waiters.filter((w) => w.sequence > upTo);
    for (const waiter of ready) waiter.resolve();
  }

  private fail(error: Error): void {
    this.failure = error;
    this.pending = [];
    this.options.log(`embedded-mongo: journal write failed, refusing further writes: ${error.message}`);
    for (const waiter of this.waiters) waiter.reject(error);
    this.waiters = [];
  }
}
