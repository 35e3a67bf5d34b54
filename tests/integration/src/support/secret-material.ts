import { createPrivateKey, type KeyObject } from 'node:crypto';

/** One way a secret could be written out, and what it is called in a failure message. */
export interface SecretNeedle {
  readonly label: string;
  readonly text: string;
  /** Hex may be printed in either case. */
  readonly anyCase: boolean;
}

/** Base64 chunks shorter than this could turn up by chance; every needle is at least this long. */
const MIN_NEEDLE = 24;
/** Bytes of a base64 chunk: 32 characters, so it fits inside a line wrapped at 64 or 76. */
const CHUNK_BYTES = 24;
/** A chunk counts only if this many of its bytes are secret: one that matches has leaked them. */
const MIN_SECRET_BYTES_IN_CHUNK = 8;
/** Bytes per window of a byte listing, and how far into a number windows start (util.inspect shows 50 bytes). */
const WINDOW_BYTES = 9;
const WINDOW_STARTS = 42;

/**
 * Every encoding a private key's secret could leak in, so that a search finds it whatever printed it:
 * - the PEM body lines as given that hold secret bytes (a PEM in a log, JSON-escaped or not);
 * - the key's DER (as given, PKCS#8, and PKCS#1 or SEC1) as hex, base64 and base64url, and base64 in 32-character
 *   pieces that hold secret bytes (the same DER base64 wrapped at another width);
 * - the private scalar or exponent and the RSA primes and CRT values, as hex, base64, base64url (JWK) and decimal,
 *   and their bytes listed as util.inspect (`<Buffer 3a 07 …>`) and JSON.stringify (`"data":[58,7,…]`) list them.
 * Not the leading PEM line of a key alone: for RSA-2048 and P-256 its first 48 characters are a header shared by
 * every such key, which is why searching for those proved nothing.
 */
export function privateKeyNeedles(pem: string, name: string): SecretNeedle[] {
  const key = createPrivateKey(pem);
  const needles: SecretNeedle[] = [];
  const add = (label: string, text: string, anyCase = false) => {
    if (text.length >= MIN_NEEDLE) needles.push({ label: `${name} ${label}`, text, anyCase });
  };
  const secrets = secretComponents(key);
  const given = Buffer.from(pemBodyLines(pem).join(''), 'base64');
  // PEM lines of 64 characters hold 48 bytes each; lines of only public bytes (an RSA modulus, an EC point)
  // also appear in the certificate's public key, so only lines with secret bytes are needles.
  pemBodyLines(pem).forEach((line, i) => {
    if (secretBytesIn(given, Object.values(secrets), i * 48, i * 48 + 48) >= MIN_SECRET_BYTES_IN_CHUNK) add(`PEM line ${i + 1}`, line);
  });
  for (const [component, bytes] of Object.entries(secrets)) {
    add(`${component} hex`, bytes.toString('hex'), true);
    add(`${component} base64`, bytes.toString('base64'));
    add(`${component} base64url`, bytes.toString('base64url'));
    add(`${component} decimal`, BigInt(`0x${bytes.toString('hex')}`).toString(10));
    byteWindows(bytes).forEach((window, i) => {
      add(`${component} bytes ${i}+ as inspected hex`, [...window].map((byte) => byte.toString(16).padStart(2, '0')).join(' '), true);
      add(`${component} bytes ${i}+ as a JSON Buffer`, [...window].join(','));
    });
  }
  for (const [encoding, der] of derEncodings(pem, key)) {
    add(`${encoding} DER hex`, der.toString('hex'), true);
    add(`${encoding} DER base64`, der.toString('base64'));
    add(`${encoding} DER base64url`, der.toString('base64url'));
    secretBase64Chunks(der, Object.values(secrets)).forEach((chunk, i) => add(`${encoding} DER base64 piece ${i + 1}`, chunk));
  }
  return needles;
}

/** A KEK list as CERTHUB_KEKS spells it ("id:base64,…"): each key as given, hex and base64url. */
export function kekNeedles(keks: string): SecretNeedle[] {
  return keks.split(',').flatMap((entry) => {
    const [id, base64] = entry.split(':');
    const key = Buffer.from(base64 ?? '', 'base64');
    return [
      { label: `KEK ${id} base64`, text: key.toString('base64'), anyCase: false },
      { label: `KEK ${id} base64url`, text: key.toString('base64url'), anyCase: false },
      { label: `KEK ${id} hex`, text: key.toString('hex'), anyCase: true },
    ];
  });
}

/** The labels of the needles found in `haystack`. */
export function leaksIn(haystack: string, needles: readonly SecretNeedle[]): string[] {
  const lower = haystack.toLowerCase();
  return needles.filter((needle) => (needle.anyCase ? lower.includes(needle.text.toLowerCase()) : haystack.includes(needle.text))).map((needle) => needle.label);
}

function pemBodyLines(pem: string): string[] {
  return pem
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('-----'));
}

/** The key's secret numbers, big-endian, from its JWK: d for EC and Ed25519, and d, p, q, dp, dq, qi for RSA. */
function secretComponents(key: KeyObject): Record<string, Buffer> {
  const jwk = key.export({ format: 'jwk' });
  const out: Record<string, Buffer> = {};
  for (const field of ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const) {
    const value = jwk[field];
    if (typeof value === 'string') out[field] = Buffer.from(value, 'base64url');
  }
  if (Object.keys(out).length === 0) throw new Error(`no secret component found in a ${key.asymmetricKeyType} key`);
  return out;
}

function derEncodings(pem: string, key: KeyObject): Array<[string, Buffer]> {
  const found: Array<[string, Buffer]> = [
    ['given', Buffer.from(pemBodyLines(pem).join(''), 'base64')],
    ['PKCS#8', key.export({ format: 'der', type: 'pkcs8' })],
  ];
  if (key.asymmetricKeyType === 'rsa') found.push(['PKCS#1', key.export({ format: 'der', type: 'pkcs1' })]);
  if (key.asymmetricKeyType === 'ec') found.push(['SEC1', key.export({ format: 'der', type: 'sec1' })]);
  return found;
}

/**
 * Base64 of `der` cut at every 3-byte boundary into 24-byte pieces, keeping those with secret bytes in them:
 * any base64 of the whole DER, however it is wrapped, contains such a piece unbroken.
 */
function secretBase64Chunks(der: Buffer, secrets: readonly Buffer[]): string[] {
  const chunks: string[] = [];
  for (let start = 0; start + CHUNK_BYTES <= der.length; start += 3) {
    const end = start + CHUNK_BYTES;
    if (secretBytesIn(der, secrets, start, end) >= MIN_SECRET_BYTES_IN_CHUNK) chunks.push(der.toString('base64').slice((start / 3) * 4, (end / 3) * 4));
  }
  return chunks;
}

/** Overlapping windows at the start of a secret number: a listing of its first 50 bytes holds several. */
function byteWindows(bytes: Buffer): Buffer[] {
  const windows: Buffer[] = [];
  for (let start = 0; start < WINDOW_STARTS && start + WINDOW_BYTES <= bytes.length; start += 1) windows.push(bytes.subarray(start, start + WINDOW_BYTES));
  return windows;
}

/** How many bytes of `der[start, end)` belong to one of the secret numbers (found where the DER holds them). */
function secretBytesIn(der: Buffer, secrets: readonly Buffer[], start: number, end: number): number {
  return secrets.reduce((sum, secret) => {
    const at = der.indexOf(secret);
    return at < 0 ? sum : sum + Math.max(0, Math.min(end, at + secret.length) - Math.max(start, at));
  }, 0);
}
