import { redactPrivateKeys } from './dead-letter';
import { decodeJson, encodeJson, UndecodablePayloadError } from './json-codec';
import { dispositionOf, RETRY_MAX_MS, retryDelayMs } from './retry-policy';
import { Semaphore } from './semaphore';

describe('retry policy', () => {
  it('backs off exponentially and caps the delay', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([250, 500, 1_000, 2_000]);
    expect(retryDelayMs(60)).toBe(RETRY_MAX_MS);
  });

  it('dead-letters only non-transient failures that used up their deliveries', () => {
    expect(dispositionOf({ transient: false, deliveryCount: 2, maxDeliver: 3 })).toBe('retry');
    expect(dispositionOf({ transient: false, deliveryCount: 3, maxDeliver: 3 })).toBe('dead-letter');
    expect(dispositionOf({ transient: true, deliveryCount: 300, maxDeliver: 3 })).toBe('retry');
  });
});

describe('JSON codec', () => {
  it('round-trips values', () => {
    expect(decodeJson(encodeJson({ a: [1, 'é'] }))).toEqual({ a: [1, 'é'] });
  });

  it('rejects invalid UTF-8 instead of replacing characters', () => {
    expect(() => decodeJson(Uint8Array.from([0x22, 0xc3, 0x28, 0x22]))).toThrow(UndecodablePayloadError);
  });

  it('rejects non-JSON', () => {
    expect(() => decodeJson(Buffer.from('<xml/>'))).toThrow(/not UTF-8 JSON/);
  });
});

describe('redactPrivateKeys', () => {
  it.each(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'])('removes %s blocks, also JSON-escaped', (label) => {
    const raw = JSON.stringify({ privateKey: `-----BEGIN ${label}-----\nSECRETBODY\n-----END ${label}-----\n`, certificate: 'kept' });
    const redacted = Buffer.from(redactPrivateKeys(Buffer.from(raw))).toString();
    expect(redacted).not.toContain('SECRETBODY');
    expect(redacted).toContain('kept');
  });

  it('removes the pkcs12 and passphrase members of a command, escaped quotes and a cut-off end included', () => {
    const raw = JSON.stringify({ pkcs12: 'MIIKSECRETBUNDLE', passphrase: 'se"cr\\et', certificate: 'kept' });
    const redacted = Buffer.from(redactPrivateKeys(Buffer.from(raw))).toString();
    expect(JSON.parse(redacted)).toEqual({ pkcs12: '[redacted]', passphrase: '[redacted]', certificate: 'kept' });
    expect(Buffer.from(redactPrivateKeys(Buffer.from('{"passphrase": "cut-off sec'))).toString()).toBe('{"passphrase": "[redacted]"');
  });

  it('removes an unterminated key block to the end', () => {
    const redacted = Buffer.from(redactPrivateKeys(Buffer.from('x -----BEGIN PRIVATE KEY-----\nSECRET'))).toString();
    expect(redacted).toBe('x [private key redacted]');
  });
});

describe('Semaphore', () => {
  it('never lets more than its capacity through and wakes waiters in order', async () => {
    const semaphore = new Semaphore(2);
    const order: number[] = [];
    await semaphore.acquire();
    await semaphore.acquire();
    const third = semaphore.acquire().then(() => order.push(3));
    const fourth = semaphore.acquire().then(() => order.push(4));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([]);
    semaphore.release();
    semaphore.release();
    await Promise.all([third, fourth]);
    expect(order).toEqual([3, 4]);
    semaphore.release();
    semaphore.release();
    await semaphore.idle();
  });
});
