import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ALIBABA_CAS_CONFIG, type AlibabaCasConfig } from './alibaba-cas.config';
import { alibabaError } from './alibaba-error-codes';
import { TIMESTAMP_WINDOW_MS } from './alibaba-timestamp';

const SWEEP_INTERVAL_MS = 30_000;
/** When full, sweep at most this often: a full sweep per request would let a flood cost O(n) each. */
const FULL_SWEEP_SPACING_MS = 1_000;

/**
 * SignatureNonces seen per AccessKeyId, each kept until its request's Timestamp leaves the window (after
 * that the timestamp check refuses a replay by itself). Memory is bounded: a key that would exceed its
 * share is throttled, and so is everyone once the cache is full, rather than forgetting a nonce early,
 * which would reopen the replay hole. This memory is one process's; AlibabaNonceLedger makes the guard
 * hold across instances and restarts (see docs/dialects/alibaba-cas.md).
 */
@Injectable()
export class AlibabaNonceCache implements OnModuleDestroy {
  private readonly byKey = new Map<string, Map<string, number>>();
  private size = 0;
  private lastSweep = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(@Inject(ALIBABA_CAS_CONFIG) private readonly config: AlibabaCasConfig) {
    this.timer = setInterval(() => this.sweep(Date.now()), SWEEP_INTERVAL_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Records the nonce, or throws SignatureNonceUsed if this key used it within the window. */
  claim(accessKeyId: string, nonce: string, timestamp: number, now = Date.now()): void {
    const nonces = this.byKey.get(accessKeyId) ?? new Map<string, number>();
    const seenUntil = nonces.get(nonce);
    if (seenUntil !== undefined) {
      if (seenUntil > now) throw alibabaError('SignatureNonceUsed');
      this.forget(nonces, nonce);
    }
    const full = () => nonces.size >= this.config.noncesPerAccessKey || this.size >= this.config.nonceCapacity;
    if (full() && now - this.lastSweep >= FULL_SWEEP_SPACING_MS) this.sweep(now);
    if (nonces.size >= this.config.noncesPerAccessKey) throw alibabaError('Throttling.User');
    if (this.size >= this.config.nonceCapacity) throw alibabaError('Throttling');
    nonces.set(nonce, timestamp + TIMESTAMP_WINDOW_MS);
    this.size++;
    this.byKey.set(accessKeyId, nonces);
  }

  /** Forgets every nonce whose request could no longer pass the timestamp check. */
  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, nonces] of this.byKey) {
      for (const [nonce, until] of nonces) if (until <= now) this.forget(nonces, nonce);
      if (nonces.size === 0) this.byKey.delete(key);
    }
  }

  private forget(nonces: Map<string, number>, nonce: string): void {
    nonces.delete(nonce);
    this.size--;
  }
}
