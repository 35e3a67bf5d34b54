import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { readRsaKeyDer } from './rsa-key-der';

const rsaKey = (modulusLength: number) => generateKeyPairSync('rsa', { modulusLength }).privateKey;
const der = (key: KeyObject, type: 'pkcs1' | 'pkcs8') => key.export({ type, format: 'der' });
const spkiOf = (key: KeyObject) => createPublicKey(key).export({ type: 'spki', format: 'der' });

/** The same key with one of its numbers changed, encoded by OpenSSL, which loads such a key without a word. */
function withNumber(key: KeyObject, name: 'd' | 'p' | 'q' | 'dp' | 'dq' | 'qi', change: (value: Buffer) => Buffer): Buffer {
  const jwk = key.export({ format: 'jwk' });
  const changed = { ...jwk, [name]: change(Buffer.from(jwk[name] as string, 'base64url')).toString('base64url') };
  return createPrivateKey({ key: changed, format: 'jwk' }).export({ type: 'pkcs1', format: 'der' });
}
const lastBitFlipped = (value: Buffer) => Buffer.concat([value.subarray(0, -1), Buffer.of(value[value.length - 1] ^ 0x02)]);

describe('readRsaKeyDer reads a plain RSA key as OpenSSL does', () => {
  it.each([1024, 2048, 3072])('RSA-%i, PKCS#1 and PKCS#8: the same public half and the same PKCS#8', (modulusLength) => {
    const key = rsaKey(modulusLength);
    for (const format of ['pkcs1', 'pkcs8'] as const) {
      const read = readRsaKeyDer(der(key, format), format);
      expect(read).not.toBeNull();
      expect(read?.publicKeySpki().equals(spkiOf(key))).toBe(true);
      expect(read?.pkcs8Der().equals(der(key, 'pkcs8'))).toBe(true);
    }
  });

  it('hands out a fresh PKCS#8 buffer each time, so the caller may zero-fill it, and keeps nothing of the input', () => {
    const key = rsaKey(2048);
    const input = der(key, 'pkcs8');
    const read = readRsaKeyDer(input, 'pkcs8');
    input.fill(0);
    const first = read?.pkcs8Der() as Buffer;
    first.fill(0);
    expect(read?.pkcs8Der().equals(der(key, 'pkcs8'))).toBe(true);
    expect(read?.publicKeySpki().equals(spkiOf(key))).toBe(true);
  });
});

describe('readRsaKeyDer leaves every other key to OpenSSL (returns null)', () => {
  const key = rsaKey(2048);

  it.each([
    ['EC P-256', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey],
    ['Ed25519', generateKeyPairSync('ed25519').privateKey],
    ['RSA-PSS', generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).privateKey],
  ])('%s in PKCS#8', (_name, other) => {
    expect(readRsaKeyDer(der(other, 'pkcs8'), 'pkcs8')).toBeNull();
  });

  it.each(['d', 'p', 'q', 'dp', 'dq', 'qi'] as const)('numbers that are not one RSA key: %s changed', (name) => {
    const changed = withNumber(key, name, lastBitFlipped);
    expect(createPrivateKey({ key: changed, format: 'der', type: 'pkcs1' })).toBeDefined();
    expect(readRsaKeyDer(changed, 'pkcs1')).toBeNull();
  });

  it('p and q swapped (the CRT values no longer fit)', () => {
    const jwk = key.export({ format: 'jwk' });
    const swapped = createPrivateKey({ key: { ...jwk, p: jwk.q, q: jwk.p }, format: 'jwk' }).export({ type: 'pkcs1', format: 'der' });
    expect(readRsaKeyDer(swapped, 'pkcs1')).toBeNull();
  });

  it('a byte after the key', () => {
    expect(readRsaKeyDer(Buffer.concat([der(key, 'pkcs1'), Buffer.of(0)]), 'pkcs1')).toBeNull();
    expect(readRsaKeyDer(Buffer.concat([der(key, 'pkcs8'), Buffer.of(0)]), 'pkcs8')).toBeNull();
  });

  it('a length in a longer form than DER allows', () => {
    const pkcs1 = der(key, 'pkcs1');
    expect(pkcs1[1]).toBe(0x82);
    const longForm = Buffer.concat([Buffer.of(0x30, 0x83, 0x00), pkcs1.subarray(2)]);
    expect(readRsaKeyDer(longForm, 'pkcs1')).toBeNull();
  });

  it('a PKCS#8 key with attributes', () => {
    const pkcs8 = der(key, 'pkcs8');
    const body = pkcs8.subarray(4);
    const attributes = Buffer.from('a000', 'hex');
    const length = body.length + attributes.length;
    const withAttributes = Buffer.concat([Buffer.of(0x30, 0x82, length >> 8, length & 0xff), body, attributes]);
    expect(readRsaKeyDer(withAttributes, 'pkcs8')).toBeNull();
  });

  it('a multi-prime key header (version 1)', () => {
    const pkcs1 = Buffer.from(der(key, 'pkcs1'));
    expect(pkcs1.subarray(4, 7).toString('hex')).toBe('020100');
    pkcs1[6] = 1;
    expect(readRsaKeyDer(pkcs1, 'pkcs1')).toBeNull();
  });

  it('numbers larger than any RSA key has (16,384 bits), even when they fit together', () => {
    // A consistent key of 17,600 bits built from odd numbers (the checks never test primality): without the
    // bound it would be read, and a key field of a megabyte would cost the worker about a second of checks.
    const numbers = consistentRsaNumbers(1_100);
    expect(numbers.n.toString(16).length / 2).toBeGreaterThan(2_049);
    expect(readRsaKeyDer(rsaPrivateKeyDer(numbers), 'pkcs1')).toBeNull();
    // The same construction at 2,048 bits is read: the bound, not the construction, declines the large one.
    expect(readRsaKeyDer(rsaPrivateKeyDer(consistentRsaNumbers(128)), 'pkcs1')).not.toBeNull();
  });

  it('bytes that are no key at all', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('nonsense'), Buffer.of(0x30, 0x00), Buffer.of(0x30, 0x84, 0xff, 0xff, 0xff, 0xff)]) {
      expect(readRsaKeyDer(bytes, 'pkcs1')).toBeNull();
      expect(readRsaKeyDer(bytes, 'pkcs8')).toBeNull();
    }
  });
});

/**
 * Property: on a real key's DER with bytes changed, the fast path either declines or reads exactly what OpenSSL
 * reads from the same bytes. It never accepts what OpenSSL refuses and never throws.
 */
describe('readRsaKeyDer on damaged DER', () => {
  const key = rsaKey(1024);

  it.each(['pkcs1', 'pkcs8'] as const)('%s: declines, or agrees with OpenSSL', (format) => {
    const original = der(key, format);
    const damage = fc.record({ at: fc.nat({ max: original.length - 1 }), value: fc.integer({ min: 0, max: 255 }), cut: fc.boolean() });
    fc.assert(
      fc.property(damage, ({ at, value, cut }) => {
        const bytes = cut ? original.subarray(0, at) : Buffer.from(original);
        if (!cut) bytes[at] = value;
        const read = readRsaKeyDer(bytes, format);
        if (read === null) return;
        const openSsl = createPrivateKey({ key: bytes, format: 'der', type: format });
        expect(read.publicKeySpki().equals(spkiOf(openSsl))).toBe(true);
        expect(read.pkcs8Der().equals(der(openSsl, 'pkcs8'))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});

/** Numbers that pass every check of an RSA private key (n = pq, e·d ≡ 1, CRT values), p and q of `bytes` each. */
function consistentRsaNumbers(bytes: number): Record<'n' | 'e' | 'd' | 'p' | 'q' | 'dP' | 'dQ' | 'qInv', bigint> {
  const e = 65537n;
  for (;;) {
    const odd = () => BigInt(`0x${randomBytes(bytes).toString('hex')}`) | (1n << BigInt(bytes * 8 - 1)) | 1n;
    const [p, q] = [odd(), odd()];
    const lcm = ((p - 1n) * (q - 1n)) / gcd(p - 1n, q - 1n);
    if (p <= q || gcd(e, lcm) !== 1n || gcd(p, q) !== 1n) continue;
    const d = inverse(e, lcm);
    return { n: p * q, e, d, p, q, dP: d % (p - 1n), dQ: d % (q - 1n), qInv: inverse(q, p) };
  }
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

function inverse(a: bigint, modulus: bigint): bigint {
  let [r0, r1, s0, s1] = [a % modulus, modulus, 1n, 0n];
  while (r1 !== 0n) {
    const quotient = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - quotient * r1, s1, s0 - quotient * s1];
  }
  return ((s0 % modulus) + modulus) % modulus;
}

/** RSAPrivateKey DER of the numbers, version 0. */
function rsaPrivateKeyDer(numbers: ReturnType<typeof consistentRsaNumbers>): Buffer {
  const tlv = (tag: number, content: Buffer) => {
    const length = content.length < 0x80 ? Buffer.of(content.length) : content.length < 0x100 ? Buffer.of(0x81, content.length) : Buffer.of(0x82, content.length >> 8, content.length & 0xff);
    return Buffer.concat([Buffer.of(tag), length, content]);
  };
  const integer = (value: bigint) => {
    const hex = value.toString(16);
    const bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
    return tlv(0x02, bytes[0] >= 0x80 ? Buffer.concat([Buffer.of(0), bytes]) : bytes);
  };
  const { n, e, d, p, q, dP, dQ, qInv } = numbers;
  return tlv(0x30, Buffer.concat([integer(0n), ...[n, e, d, p, q, dP, dQ, qInv].map(integer)]));
}
