import { AlibabaNonceCache } from './alibaba-nonce-cache';

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const MINUTE = 60_000;

function codeOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { dialectCode?: string }).dialectCode;
  }
  return undefined;
}

describe('AlibabaNonceCache', () => {
  let cache: AlibabaNonceCache;
  const make = (noncesPerAccessKey: number, nonceCapacity: number) =>
    (cache = new AlibabaNonceCache({ noncesPerAccessKey, nonceCapacity }));
  afterEach(() => cache.onModuleDestroy());

  it('refuses a nonce a key already used while its request could still pass the timestamp check', () => {
    make(10, 10);
    cache.claim('key-a', 'n1', T0, T0);
    expect(codeOf(() => cache.claim('key-a', 'n1', T0, T0 + 14 * MINUTE))).toBe('SignatureNonceUsed');
    // Another key's nonces are its own.
    expect(codeOf(() => cache.claim('key-b', 'n1', T0, T0))).toBeUndefined();
  });

  it('forgets a nonce once its timestamp has left the window, when a replay is refused as expired anyway', () => {
    make(10, 10);
    cache.claim('key-a', 'n1', T0, T0);
    expect(codeOf(() => cache.claim('key-a', 'n1', T0 + 16 * MINUTE, T0 + 16 * MINUTE))).toBeUndefined();
  });

  it('keeps a nonce of a request stamped in the future until that stamp is 15 minutes old', () => {
    make(10, 10);
    cache.claim('key-a', 'n1', T0 + 10 * MINUTE, T0);
    expect(codeOf(() => cache.claim('key-a', 'n1', T0 + 10 * MINUTE, T0 + 24 * MINUTE))).toBe('SignatureNonceUsed');
  });

  it('throttles a key over its share instead of forgetting nonces early, and frees room as they expire', () => {
    make(2, 100);
    cache.claim('key-a', 'n1', T0, T0);
    cache.claim('key-a', 'n2', T0 + MINUTE, T0 + MINUTE);
    expect(codeOf(() => cache.claim('key-a', 'n3', T0 + 2 * MINUTE, T0 + 2 * MINUTE))).toBe('Throttling.User');
    expect(codeOf(() => cache.claim('key-b', 'n3', T0 + 2 * MINUTE, T0 + 2 * MINUTE))).toBeUndefined();
    // n1 expires at T0 + 15 min.
    expect(codeOf(() => cache.claim('key-a', 'n3', T0 + 15 * MINUTE, T0 + 15 * MINUTE))).toBeUndefined();
    expect(codeOf(() => cache.claim('key-a', 'n2', T0 + 15 * MINUTE, T0 + 15 * MINUTE))).toBe('SignatureNonceUsed');
  });

  it('throttles everyone once the whole cache is full', () => {
    make(10, 2);
    cache.claim('key-a', 'n1', T0, T0);
    cache.claim('key-b', 'n1', T0, T0);
    expect(codeOf(() => cache.claim('key-c', 'n1', T0, T0 + 1_000))).toBe('Throttling');
    expect(codeOf(() => cache.claim('key-c', 'n1', T0 + 15 * MINUTE, T0 + 15 * MINUTE))).toBeUndefined();
  });
});
