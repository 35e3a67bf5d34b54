import { CerthubError } from '@certhub/contracts';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import type { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { bmpPassword, pkcs12Kdf, Pkcs12KeyPurpose } from './pkcs12-kdf';
import { Pbes2Params, Pbkdf2Params, Pkcs12PbeParams } from './pkcs12-structures';

/** Far above what any exporter writes (OpenSSL 2,048, Windows 2,000, PBKDF2 guidance 600,000); bounds hostile input. */
export const MAX_PBE_ITERATIONS = 1_000_000;

const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  pbeSha1Des3: '1.2.840.113549.1.12.1.3',
  pbeSha1Rc2_40: '1.2.840.113549.1.12.1.6',
  pbeSha1Rc2_128: '1.2.840.113549.1.12.1.5',
  pbeSha1Rc4_40: '1.2.840.113549.1.12.1.2',
  pbeSha1Rc4_128: '1.2.840.113549.1.12.1.1',
  pbeSha1Des2: '1.2.840.113549.1.12.1.4',
} as const;

const PBKDF2_PRFS: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

const PBES2_CIPHERS: Readonly<Record<string, { readonly name: string; readonly keyBytes: number }>> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyBytes: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyBytes: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyBytes: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyBytes: 24 },
};

const RE_EXPORT = 'Re-export it with a current cipher, e.g. `openssl pkcs12 -export -certpbe AES-256-CBC -keypbe AES-256-CBC -macalg sha256 …`.';

/** Legacy PKCS#12 ciphers certhub refuses, with the reason given to the user. */
const REFUSED: Readonly<Record<string, string>> = {
  [OID.pbeSha1Rc2_40]: '40-bit RC2 (pbeWithSHAAnd40BitRC2-CBC, the default of `openssl pkcs12 -legacy` and of old Windows exports), which can be broken in hours and which certhub does not decrypt',
  [OID.pbeSha1Rc2_128]: '128-bit RC2 (pbeWithSHAAnd128BitRC2-CBC), a legacy cipher certhub does not decrypt',
  [OID.pbeSha1Rc4_40]: '40-bit RC4 (pbeWithSHAAnd40BitRC4), a broken cipher certhub does not decrypt',
  [OID.pbeSha1Rc4_128]: 'RC4 (pbeWithSHAAnd128BitRC4), a broken cipher certhub does not decrypt',
  [OID.pbeSha1Des2]: 'two-key triple DES (pbeWithSHAAnd2-KeyTripleDES-CBC), a legacy cipher certhub does not decrypt',
};

/** The passphrase did not open the content: the one failure the user fixes by typing again. */
export class WrongPassphraseError extends Error {}

/**
 * Decrypts one password-protected part of a PKCS#12 bundle (a shrouded key bag or an encrypted SafeContents):
 * PBES2 (PBKDF2 with AES or triple DES, OpenSSL 3's default) or PKCS#12's own pbeWithSHAAnd3-KeyTripleDES-CBC
 * (the "legacy 3DES" of older exports). RC2 and RC4 are refused with `REFUSED`'s reason.
 */
export function decryptPbe(algorithm: AlgorithmIdentifier, encrypted: Buffer, passphrase: string): Buffer {
  const refused = REFUSED[algorithm.algorithm];
  if (refused !== undefined) throw unsupported(`The PKCS#12 bundle is encrypted with ${refused}. ${RE_EXPORT}`);
  if (algorithm.algorithm === OID.pbes2) return decryptPbes2(parametersOf(algorithm, Pbes2Params), encrypted, passphrase);
  if (algorithm.algorithm === OID.pbeSha1Des3) return decryptPkcs12Des3(parametersOf(algorithm, Pkcs12PbeParams), encrypted, passphrase);
  throw unsupported(`The PKCS#12 bundle uses an encryption certhub does not know (OID ${algorithm.algorithm}). ${RE_EXPORT}`);
}

function decryptPbes2(params: Pbes2Params, encrypted: Buffer, passphrase: string): Buffer {
  if (params.keyDerivationFunc.algorithm !== OID.pbkdf2) throw unsupported(`The PKCS#12 bundle derives its key with an unknown function. ${RE_EXPORT}`);
  const kdf = parametersOf(params.keyDerivationFunc, Pbkdf2Params);
  const prf = kdf.prf ? PBKDF2_PRFS[kdf.prf.algorithm] : 'sha1';
  const cipher = PBES2_CIPHERS[params.encryptionScheme.algorithm];
  if (prf === undefined || cipher === undefined) throw unsupported(`The PKCS#12 bundle uses a cipher or PRF certhub does not know. ${RE_EXPORT}`);
  const iv = Buffer.from(parametersOf(params.encryptionScheme, OctetString).buffer);
  const key = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), Buffer.from(kdf.salt.buffer), boundedIterations(kdf.iterationCount), cipher.keyBytes, prf);
  return decipher(cipher.name, key, iv, encrypted);
}

function decryptPkcs12Des3(params: Pkcs12PbeParams, encrypted: Buffer, passphrase: string): Buffer {
  const password = bmpPassword(passphrase);
  const salt = Buffer.from(params.salt.buffer);
  const iterations = boundedIterations(params.iterations);
  const key = pkcs12Kdf('sha1', password, salt, Pkcs12KeyPurpose.key, iterations, 24);
  const iv = pkcs12Kdf('sha1', password, salt, Pkcs12KeyPurpose.iv, iterations, 8);
  return decipher('des-ede3-cbc', key, iv, encrypted);
}

/** A wrong passphrase almost always breaks the padding; the bundle's MAC, checked first, catches the rest. */
function decipher(name: string, key: Buffer, iv: Buffer, encrypted: Buffer): Buffer {
  try {
    const decipher = createDecipheriv(name, key, iv);
    return Buffer.concat([decipher.update(encrypted), decipher.final()]);
  } catch {
    throw new WrongPassphraseError();
  } finally {
    key.fill(0);
  }
}

export function boundedIterations(iterations: number): number {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_PBE_ITERATIONS) {
    throw unsupported(`The PKCS#12 bundle asks for ${iterations} key-derivation iterations; certhub accepts 1 to ${MAX_PBE_ITERATIONS}.`);
  }
  return iterations;
}

function parametersOf<T>(algorithm: AlgorithmIdentifier, type: new () => T): T {
  if (!algorithm.parameters) throw unsupported('The PKCS#12 bundle names an encryption without its parameters.');
  try {
    return AsnConvert.parse(algorithm.parameters, type);
  } catch {
    throw unsupported('The PKCS#12 bundle holds encryption parameters that could not be decoded.');
  }
}

function unsupported(message: string): CerthubError {
  return new CerthubError('CERT_PARSE_FAILED', message);
}
