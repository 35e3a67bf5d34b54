import type { EncryptedKeyEnvelope } from '@certhub/contracts';
import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';

/** The key-encryption key as config provides it: an id and 32 bytes. */
export interface Kek {
  readonly id: string;
  readonly key: Buffer;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Envelope encryption of a private key: a fresh 256-bit data key per certificate encrypts the key, and the
 * KEK encrypts the data key. The tenant id is authenticated with the key (AAD), so an envelope copied to
 * another tenant's record does not open; the KEK id is authenticated with the data key, so rotation is a
 * re-wrap of 32 bytes per certificate and never touches the key itself.
 */
export function sealPrivateKey(keyDer: Buffer, tenantId: string, kek: Kek): EncryptedKeyEnvelope {
  return seal(keyDer, keyAad(tenantId), kek);
}

/**
 * An AccessKey secret must stay recoverable (HMAC signatures are checked with it), so it is sealed the same
 * way, bound to its AccessKeyId: a sealed secret copied onto another credential does not open.
 */
export function sealCredentialSecret(secret: Buffer, credentialId: string, kek: Kek): EncryptedKeyEnvelope {
  return seal(secret, secretAad(credentialId), kek);
}

export function openCredentialSecret(envelope: EncryptedKeyEnvelope, credentialId: string, keks: ReadonlyMap<string, Kek>): Buffer {
  return open(envelope, secretAad(credentialId), keks);
}

/** Opens an envelope with whichever known KEK it names. Throws if anything was tampered with. */
export function openPrivateKey(envelope: EncryptedKeyEnvelope, tenantId: string, keks: ReadonlyMap<string, Kek>): Buffer {
  return open(envelope, keyAad(tenantId), keks);
}

/** Re-wraps the data key under another KEK (rotation); the sealed private key is left as it is. */
export function rewrapEnvelope(envelope: EncryptedKeyEnvelope, keks: ReadonlyMap<string, Kek>, target: Kek): EncryptedKeyEnvelope {
  if (envelope.kekId === target.id) return envelope;
  const dataKey = unwrapDataKey(envelope, keks);
  try {
    return { ...envelope, kekId: target.id, wrappedDataKey: wrapDataKey(dataKey, target) };
  } finally {
    dataKey.fill(0);
  }
}

export type RewrapVerdict = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/**
 * Whether `replacement` wraps the very data key `original` wraps, each opened with the KEK it names: the
 * check that lets the holder of the KEKs accept a re-wrap it did not compute. A wrapped key that does not
 * open, or opens to other bytes, would leave the sealed key unreadable once stored. Only the wrapped data
 * keys are compared; that the sealed value (iv, tag, ciphertext) is unchanged is for the caller to check.
 */
export function wrapsSameDataKey(original: EncryptedKeyEnvelope, replacement: EncryptedKeyEnvelope, keks: ReadonlyMap<string, Kek>): RewrapVerdict {
  for (const kekId of [original.kekId, replacement.kekId]) {
    if (!keks.has(kekId)) return { ok: false, problem: `key-encryption key "${kekId}" is not configured here` };
  }
  const before = tryUnwrap(original, keks);
  if (!before) return { ok: false, problem: `the expected data key does not open under "${original.kekId}"` };
  const after = tryUnwrap(replacement, keks);
  try {
    if (!after) return { ok: false, problem: `the replacement data key does not open under "${replacement.kekId}"` };
    const same = before.length === after.length && timingSafeEqual(before, after);
    return same ? { ok: true } : { ok: false, problem: 'the replacement wraps a different data key' };
  } finally {
    before.fill(0);
    after?.fill(0);
  }
}

function tryUnwrap(envelope: EncryptedKeyEnvelope, keks: ReadonlyMap<string, Kek>): Buffer | null {
  try {
    return unwrapDataKey(envelope, keks);
  } catch {
    return null;
  }
}

function seal(plaintext: Buffer, aad: Buffer, kek: Kek): EncryptedKeyEnvelope {
  const dataKey = randomBytes(32);
  try {
    const sealed = encrypt(dataKey, plaintext, aad);
    return {
      algorithm: 'AES-256-GCM',
      kekId: kek.id,
      wrappedDataKey: wrapDataKey(dataKey, kek),
      iv: sealed.iv.toString('base64'),
      authTag: sealed.tag.toString('base64'),
      ciphertext: sealed.ciphertext.toString('base64'),
    };
  } finally {
    dataKey.fill(0);
  }
}

function open(envelope: EncryptedKeyEnvelope, aad: Buffer, keks: ReadonlyMap<string, Kek>): Buffer {
  const dataKey = unwrapDataKey(envelope, keks);
  try {
    return decrypt(
      dataKey,
      Buffer.from(envelope.iv, 'base64'),
      Buffer.from(envelope.authTag, 'base64'),
      Buffer.from(envelope.ciphertext, 'base64'),
      aad,
    );
  } finally {
    dataKey.fill(0);
  }
}

function wrapDataKey(dataKey: Buffer, kek: Kek): string {
  const sealed = encrypt(kek.key, dataKey, kekAad(kek.id));
  return Buffer.concat([sealed.iv, sealed.tag, sealed.ciphertext]).toString('base64');
}

function unwrapDataKey(envelope: EncryptedKeyEnvelope, keks: ReadonlyMap<string, Kek>): Buffer {
  const kek = keks.get(envelope.kekId);
  if (!kek) throw new Error(`unknown key-encryption key "${envelope.kekId}"`);
  const wrapped = Buffer.from(envelope.wrappedDataKey, 'base64');
  return decrypt(
    kek.key,
    wrapped.subarray(0, IV_BYTES),
    wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
    wrapped.subarray(IV_BYTES + TAG_BYTES),
    kekAad(kek.id),
  );
}

function encrypt(key: Buffer, plaintext: Buffer, aad: Buffer): { iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv).setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

function decrypt(key: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES }).setAAD(aad).setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

const keyAad = (tenantId: string) => Buffer.from(`certhub/private-key/v1/${tenantId}`, 'utf8');
const secretAad = (credentialId: string) => Buffer.from(`certhub/credential-secret/v1/${credentialId}`, 'utf8');
const kekAad = (kekId: string) => Buffer.from(`certhub/data-key/v1/${kekId}`, 'utf8');
