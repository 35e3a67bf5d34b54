import { encodeDerElement, readDerElement, type DerElement } from '../asn1/der-reader';
import type { UploadedKey } from './uploaded-key';

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OCTET_STRING = 0x04;
const BIT_STRING = 0x03;
/** AlgorithmIdentifier { rsaEncryption, NULL }: the one form PKCS#8 and X.509 give a plain RSA key. */
const RSA_ALGORITHM = Buffer.from('300d06092a864886f70d0101010500', 'hex');
const VERSION_ZERO = Buffer.from('020100', 'hex');
/**
 * The largest number read here: 16,384 bits and a leading zero byte. Real RSA keys stop at 8,192 or 16,384
 * bits; a key field of a megabyte would otherwise hold numbers whose checks take the worker about a second,
 * where OpenSSL, which checks nothing, reads it at once. Larger keys go to OpenSSL as before.
 */
const MAX_INTEGER_BYTES = 2_049;

/**
 * Reads a plain two-prime RSA key (PKCS#1 "RSA PRIVATE KEY", or PKCS#8 "PRIVATE KEY" holding one) without
 * OpenSSL: its decoders cost 350-500 µs per RSA-2048 key, most of an import's parse (`npm run bench:parse`),
 * while the public half this needs is two integers already in the key's own DER, as Go's `tls.X509KeyPair`
 * reads it.
 *
 * Accepted only when the structure is exactly DER's one encoding of that key and its numbers are one RSA key:
 * n = p·q, e·d ≡ 1 modulo p−1 and q−1, and the CRT values agree with d, p and q. OpenSSL checks none of these
 * when it loads a key, so a key this accepts is one OpenSSL accepts, held to more. Anything else (other key
 * types, RSA-PSS, multi-prime, attributes, BER, inconsistent numbers) returns null, and the caller reads the
 * key with OpenSSL as before: the fast path never decides that a key is bad.
 */
export function readRsaKeyDer(der: Buffer, format: 'pkcs8' | 'pkcs1'): UploadedKey | null {
  const pkcs1 = format === 'pkcs8' ? rsaKeyInPkcs8(der) : der;
  if (!pkcs1) return null;
  const integers = rsaPrivateKeyIntegers(pkcs1);
  if (!integers || !consistent(integers.map(toBigInt) as RsaNumbers)) return null;
  const [, modulus, publicExponent] = integers;
  const pkcs8 = format === 'pkcs8' ? Buffer.from(der) : encodeDerElement(SEQUENCE, Buffer.concat([VERSION_ZERO, RSA_ALGORITHM, encodeDerElement(OCTET_STRING, pkcs1)]));
  const spki = encodeDerElement(
    SEQUENCE,
    Buffer.concat([RSA_ALGORITHM, encodeDerElement(BIT_STRING, Buffer.concat([Buffer.of(0), encodeDerElement(SEQUENCE, Buffer.concat([integerTlv(modulus), integerTlv(publicExponent)]))]))]),
  );
  return { publicKeySpki: () => spki, pkcs8Der: () => Buffer.from(pkcs8) };
}

/** PrivateKeyInfo { version 0, rsaEncryption NULL, OCTET STRING key } with no attributes and nothing after it. */
function rsaKeyInPkcs8(der: Buffer): Buffer | null {
  const outer = wholeElement(der, 0, SEQUENCE);
  if (!outer) return null;
  const body = outer.content;
  if (!startsWith(body, VERSION_ZERO) || !startsWith(body.subarray(VERSION_ZERO.length), RSA_ALGORITHM)) return null;
  const key = readDerElement(body, VERSION_ZERO.length + RSA_ALGORITHM.length);
  if (!key || key.tag !== OCTET_STRING || key.end !== body.length || !minimalLength(VERSION_ZERO.length + RSA_ALGORITHM.length, key)) return null;
  return Buffer.from(key.content.buffer, key.content.byteOffset, key.content.length);
}

/** RSAPrivateKey { version 0, n, e, d, p, q, dP, dQ, qInv }: the integers' contents, version first. */
function rsaPrivateKeyIntegers(der: Buffer): Uint8Array[] | null {
  const outer = wholeElement(der, 0, SEQUENCE);
  if (!outer) return null;
  const integers: Uint8Array[] = [];
  for (let offset = 0; offset < outer.content.length; ) {
    const element = readDerElement(outer.content, offset);
    if (!element || element.tag !== INTEGER || element.content.length > MAX_INTEGER_BYTES || !minimalLength(offset, element) || !minimalPositive(element.content)) return null;
    integers.push(element.content);
    offset = element.end;
  }
  if (integers.length !== 9 || integers[0].length !== 1 || integers[0][0] !== 0) return null;
  return integers;
}

type RsaNumbers = [version: bigint, n: bigint, e: bigint, d: bigint, p: bigint, q: bigint, dP: bigint, dQ: bigint, qInv: bigint];

function consistent([, n, e, d, p, q, dP, dQ, qInv]: RsaNumbers): boolean {
  if (p < 3n || q < 3n || e < 3n || p * q !== n) return false;
  const p1 = p - 1n;
  const q1 = q - 1n;
  return (e * d) % p1 === 1n && (e * d) % q1 === 1n && d % p1 === dP && d % q1 === dQ && (qInv * q) % p === 1n && qInv < p;
}

function wholeElement(der: Buffer, offset: number, tag: number): DerElement | null {
  const element = readDerElement(der, offset);
  return element && element.tag === tag && element.end === der.length && minimalLength(offset, element) ? element : null;
}

/** DER's length is the shortest form: a long form only from 128 bytes, and no leading zero byte in it. */
function minimalLength(offset: number, element: DerElement): boolean {
  const headerLength = element.end - offset - element.content.length;
  const length = element.content.length;
  if (length < 0x80) return headerLength === 2;
  let lengthBytes = 0;
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthBytes += 1;
  return headerLength === 2 + lengthBytes;
}

/** A positive INTEGER in its shortest two's-complement form (a leading zero only before a high bit). */
function minimalPositive(content: Uint8Array): boolean {
  if (content.length === 0 || content[0] >= 0x80) return false;
  return content.length === 1 || content[0] !== 0 || content[1] >= 0x80;
}

function integerTlv(content: Uint8Array): Buffer {
  return encodeDerElement(INTEGER, content);
}

/**
 * Through hex text: d, p and q then sit in the heap as strings and BigInts until collected, as the key's PEM
 * text already does (it arrives as a string in the command); the DER buffers are still zero-filled by the caller.
 */
function toBigInt(content: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(content.buffer, content.byteOffset, content.length).toString('hex')}`);
}

function startsWith(bytes: Uint8Array, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && prefix.equals(bytes.subarray(0, prefix.length));
}
