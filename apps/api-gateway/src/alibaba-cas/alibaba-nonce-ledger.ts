import { Buckets } from '@certhub/contracts';
import { describeError, JETSTREAM } from '@certhub/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { JetStreamClient, KV } from 'nats';
import { alibabaError } from './alibaba-error-codes';

/**
 * The durable, shared half of the Alibaba replay guard: a JetStream key-value bucket (created by storage with
 * the streams) in which adding a key succeeds once. A nonce claimed by one gateway is refused by every other
 * and after any restart, for the bucket's TTL (longer than a Timestamp can stay acceptable). Keys are hashes:
 * nonces and AccessKeyIds may hold characters a key may not.
 */
@Injectable()
export class AlibabaNonceLedger {
  private readonly logger = new Logger(AlibabaNonceLedger.name);
  private bucket: Promise<KV> | null = null;

  constructor(@Inject(JETSTREAM) private readonly js: JetStreamClient) {}

  async claim(accessKeyId: string, nonce: string): Promise<void> {
    const key = createHash('sha256').update(`${accessKeyId}\n${nonce}`).digest('hex');
    let kv: KV;
    try {
      kv = await this.open();
    } catch (error) {
      this.bucket = null;
      this.logger.warn(`nonce bucket unavailable: ${describeError(error)}`);
      throw alibabaError('ServiceUnavailable');
    }
    try {
      await kv.create(key, new Uint8Array());
    } catch (error) {
      // "wrong last sequence": the key exists, the nonce was used. Anything else: refuse rather than risk a replay.
      if (/wrong last sequence/i.test(describeError(error))) throw alibabaError('SignatureNonceUsed');
      this.logger.warn(`nonce claim failed: ${describeError(error)}`);
      throw alibabaError('ServiceUnavailable');
    }
  }

  private open(): Promise<KV> {
    this.bucket ??= this.js.views.kv(Buckets.alibabaNonces.name, { bindOnly: true });
    return this.bucket;
  }
}
