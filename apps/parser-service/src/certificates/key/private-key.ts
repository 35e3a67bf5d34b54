import { CerthubError } from '@certhub/contracts';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { PemFormatError, readPemBlocks, withArticle, type PemBlock } from '../pem/pem-blocks';
import { readRsaKeyDer } from './rsa-key-der';
import { decodeWithOpenSsl, openSslKey, type UploadedKey } from './uploaded-key';

/** PEM labels we accept and the DER structure node:crypto should read each as. */
const KEY_FORMATS: Readonly<Record<string, 'pkcs8' | 'pkcs1' | 'sec1'>> = {
  'PRIVATE KEY': 'pkcs8',
  'RSA PRIVATE KEY': 'pkcs1',
  'EC PRIVATE KEY': 'sec1',
};

const ENCRYPTED =
  'The private key is encrypted; upload it without a password (for example `openssl pkey -in key.pem -out plain.pem`), ' +
  'or send its passphrase in `passphrase` (certhub API and bus commands).';
const WRONG_PASSPHRASE = 'The passphrase does not open the private key; check it (it is case-sensitive), or upload the key without a password.';

/**
 * Reads the one private key of the upload. Messages never quote the field: whatever was pasted there may be
 * secret even when it is not a key. An encrypted key (PKCS#8 "ENCRYPTED PRIVATE KEY", or the legacy
 * "Proc-Type: 4,ENCRYPTED" PKCS#1 / SEC1 form) is opened with `passphrase` when one is given; the cloud dialects
 * never pass one, so for them it stays refused as their clouds refuse it. A passphrase given with a clear key is
 * not needed and ignored.
 */
export function readPrivateKey(text: string, passphrase?: string): UploadedKey {
  const block = singleBlock(text);
  if (block.label === 'ENCRYPTED PRIVATE KEY' || /ENCRYPTED/i.test(block.headers.get('Proc-Type') ?? '')) {
    block.der.fill(0);
    if (passphrase === undefined) throw new CerthubError('KEY_ENCRYPTED', ENCRYPTED);
    return openEncrypted(text, passphrase);
  }
  const type = KEY_FORMATS[block.label];
  if (type === undefined) {
    throw new CerthubError('KEY_PARSE_FAILED', `The private key field expected a PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block but found ${withArticle(block.label)}.`);
  }
  try {
    return decodeKeyDer(block.der, type);
  } catch (error) {
    if (error instanceof CerthubError) throw error;
    // A PKCS#8 EncryptedPrivateKeyInfo mislabelled as "PRIVATE KEY" still makes OpenSSL ask for a passphrase.
    if ((error as { code?: unknown }).code === 'ERR_MISSING_PASSPHRASE') throw new CerthubError('KEY_ENCRYPTED', ENCRYPTED);
    throw new CerthubError('KEY_PARSE_FAILED', `The private key could not be decoded as ${withArticle(block.label)}.`);
  } finally {
    block.der.fill(0);
  }
}

/**
 * A clear DER key: plain RSA without OpenSSL when it can be (`rsa-key-der.ts`), anything else through it. Throws
 * what OpenSSL throws, or a CerthubError for a key whose halves do not belong together.
 */
export function decodeKeyDer(der: Buffer, type: 'pkcs8' | 'pkcs1' | 'sec1'): UploadedKey {
  return (type !== 'sec1' ? readRsaKeyDer(der, type) : null) ?? decodeWithOpenSsl(der, type);
}

/** node:crypto reads both encrypted forms from the PEM text (the legacy one needs its DEK-Info header). */
function openEncrypted(text: string, passphrase: string): UploadedKey {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: text, format: 'pem', passphrase });
  } catch {
    throw new CerthubError('KEY_ENCRYPTED', WRONG_PASSPHRASE);
  }
  return openSslKey(key);
}

function singleBlock(text: string): PemBlock {
  let blocks: PemBlock[];
  try {
    blocks = readPemBlocks(text);
  } catch (error) {
    const detail = error instanceof PemFormatError ? error.message : 'could not be read as PEM';
    throw new CerthubError('KEY_PARSE_FAILED', `The private key ${detail}.`);
  }
  if (blocks.length === 1) return blocks[0];
  // `openssl ecparam -genkey`, the command many guides give, writes the curve's EC PARAMETERS before the key.
  // OpenSSL (so nginx), Go's tls.X509KeyPair and the clouds skip that block when they read the key; so do we.
  const keys = blocks.filter((block) => block.label !== 'EC PARAMETERS');
  if (keys.length === 1) return keys[0];
  blocks.forEach((block) => block.der.fill(0));
  if (blocks.length === 0) throw new CerthubError('KEY_PARSE_FAILED', 'The private key field holds no PEM block.');
  const labels = blocks.map((block) => block.label).join(', ');
  throw new CerthubError('KEY_PARSE_FAILED', `The private key field holds ${blocks.length} PEM blocks (${labels}); upload exactly one private key.`);
}
