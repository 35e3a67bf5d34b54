import { createHash } from 'node:crypto';

/** Block size in bytes of each digest PKCS#12 bundles use with their key derivation. */
const BLOCK_BYTES: Readonly<Record<string, number>> = { sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };

/** What the derived bytes are for (RFC 7292 B.3): the cipher key, its IV, or the MAC key. */
export const Pkcs12KeyPurpose = { key: 1, iv: 2, mac: 3 } as const;

/** A passphrase as the PKCS#12 derivation reads it: BMPString (UTF-16 big-endian) with a two-byte terminator. */
export function bmpPassword(passphrase: string): Buffer {
  const utf16le = Buffer.from(`${passphrase}\0`, 'utf16le');
  return utf16le.swap16();
}

/**
 * RFC 7292 Appendix B.2: the key derivation of PKCS#12's own PBE ciphers (pbeWithSHAAnd3-KeyTripleDES-CBC) and
 * of its MAC. node:crypto has PBKDF2 but not this one, and the @peculiar/asn1-* packages only describe the
 * structures, so it is written here from the RFC; it is a derivation, not a decoder.
 */
export function pkcs12Kdf(digest: string, password: Buffer, salt: Buffer, purpose: number, iterations: number, length: number): Buffer {
  const v = BLOCK_BYTES[digest];
  if (v === undefined) throw new Error(`unsupported PKCS#12 digest ${digest}`);
  const fill = (source: Buffer) => {
    const out = Buffer.alloc(source.length === 0 ? 0 : v * Math.ceil(source.length / v));
    for (let i = 0; i < out.length; i++) out[i] = source[i % source.length];
    return out;
  };
  const diversifier = Buffer.alloc(v, purpose);
  const input = Buffer.concat([fill(salt), fill(password)]);
  const blocks: Buffer[] = [];
  let produced = 0;
  while (produced < length) {
    let a = createHash(digest).update(diversifier).update(input).digest();
    for (let round = 1; round < iterations; round++) a = createHash(digest).update(a).digest();
    blocks.push(a);
    produced += a.length;
    const b = fill(a).subarray(0, v);
    // I_j = (I_j + B + 1) mod 2^(8v) for every v-byte block of I.
    for (let offset = 0; offset < input.length; offset += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = input[offset + k] + b[k] + carry;
        input[offset + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(blocks).subarray(0, length);
}
