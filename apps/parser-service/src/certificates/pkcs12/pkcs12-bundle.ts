import { CerthubError } from '@certhub/contracts';
import { ContentInfo } from '@peculiar/asn1-cms';
import {
  AuthenticatedSafe,
  CertBag,
  id_certBag,
  id_keyBag,
  id_pkcs8ShroudedKeyBag,
  id_x509Certificate,
  PFX,
  PKCS8ShroudedKeyBag,
  SafeContents,
} from '@peculiar/asn1-pfx';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { decryptPbe, WrongPassphraseError, boundedIterations } from './pbe-decrypt';
import { bmpPassword, pkcs12Kdf, Pkcs12KeyPurpose } from './pkcs12-kdf';
import { CmsEncryptedData } from './pkcs12-structures';

const ID_DATA = '1.2.840.113549.1.7.1';
const ID_ENCRYPTED_DATA = '1.2.840.113549.1.7.6';

const MAC_DIGESTS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** What a PKCS#12 bundle holds, as DER: its certificates in bag order and its one private key (PKCS#8). */
export interface Pkcs12Content {
  readonly certificates: Buffer[];
  /** Clear PKCS#8 DER: the caller zero-fills it once read. */
  readonly privateKeyPkcs8Der: Buffer;
}

const NEEDS_PASSPHRASE = 'The PKCS#12 bundle is protected by a passphrase; send it in `passphrase`.';
const WRONG_PASSPHRASE = 'The passphrase does not open the PKCS#12 bundle; check it (it is case-sensitive) and try again.';

/**
 * Opens a base64 PKCS#12 (.pfx / .p12) bundle with its passphrase. The structures are decoded by
 * @peculiar/asn1-pfx and asn1-cms, the cryptography is node:crypto's. The MAC is checked first, so a wrong
 * passphrase is reported as such rather than as a corrupt bundle. Every failure is a CerthubError: the bundle
 * is CERT_PARSE_FAILED, its passphrase KEY_ENCRYPTED, its key KEY_PARSE_FAILED.
 */
export function readPkcs12Bundle(base64: string, passphrase: string | undefined): Pkcs12Content {
  const pfx = decodePfx(base64);
  const secret = passphrase ?? '';
  const authSafeBytes = dataOf(pfx.authSafe);
  // The decoder leaves an empty MacData in place of an absent one: a bundle without integrity protection
  // (`-nomac`) is as open as a PEM upload and is read as one; its bags then carry no encryption to check either.
  if (pfx.macData.mac.digestAlgorithm.algorithm !== '') verifyMac(pfx, authSafeBytes, secret, passphrase === undefined);
  const certificates: Buffer[] = [];
  const keys: Buffer[] = [];
  try {
    for (const info of structure(authSafeBytes, AuthenticatedSafe)) {
      for (const bag of structure(safeContentsOf(info, secret), SafeContents)) {
        if (bag.bagId === id_certBag) {
          const certBag = structure(bag.bagValue, CertBag);
          if (certBag.certId === id_x509Certificate) certificates.push(Buffer.from(structure(certBag.certValue, OctetString).buffer));
        } else if (bag.bagId === id_keyBag) {
          keys.push(Buffer.from(bag.bagValue));
        } else if (bag.bagId === id_pkcs8ShroudedKeyBag) {
          const shrouded = structure(bag.bagValue, PKCS8ShroudedKeyBag);
          keys.push(decryptPbe(shrouded.encryptionAlgorithm, Buffer.from(shrouded.encryptedData.buffer), secret));
        }
      }
    }
  } catch (error) {
    keys.forEach((key) => key.fill(0));
    if (error instanceof WrongPassphraseError) throw new CerthubError('KEY_ENCRYPTED', passphrase === undefined ? NEEDS_PASSPHRASE : WRONG_PASSPHRASE);
    throw error;
  }
  if (keys.length !== 1) {
    keys.forEach((key) => key.fill(0));
    throw new CerthubError('KEY_PARSE_FAILED', keys.length === 0 ? 'The PKCS#12 bundle holds no private key; export it with its key.' : `The PKCS#12 bundle holds ${keys.length} private keys; export one certificate with its key.`);
  }
  if (certificates.length === 0) {
    keys[0].fill(0);
    throw new CerthubError('CERT_PARSE_FAILED', 'The PKCS#12 bundle holds no certificate.');
  }
  return { certificates, privateKeyPkcs8Der: keys[0] };
}

function decodePfx(base64: string): PFX {
  const text = base64.replace(/\s/g, '');
  if (text.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    throw new CerthubError('CERT_PARSE_FAILED', 'pkcs12 must be the .pfx / .p12 file in base64 (e.g. `base64 -w0 bundle.pfx`).');
  }
  const pfx = structure(Buffer.from(text, 'base64'), PFX);
  if (pfx.version !== 3) throw new CerthubError('CERT_PARSE_FAILED', `The PKCS#12 bundle has version ${pfx.version}; only version 3 exists.`);
  return pfx;
}

/** RFC 7292 §5.1: HMAC over the AuthenticatedSafe with a key derived from the passphrase. */
function verifyMac(pfx: PFX, authSafeBytes: Buffer, passphrase: string, absent: boolean): void {
  const { mac, macSalt, iterations } = pfx.macData;
  const digest = MAC_DIGESTS[mac.digestAlgorithm.algorithm];
  if (digest === undefined) throw new CerthubError('CERT_PARSE_FAILED', 'The PKCS#12 bundle uses an integrity check certhub does not know; re-export it with `-macalg sha256`.');
  const expected = Buffer.from(mac.digest.buffer);
  const key = pkcs12Kdf(digest, bmpPassword(passphrase), Buffer.from(macSalt.buffer), Pkcs12KeyPurpose.mac, boundedIterations(iterations ?? 1), expected.length);
  const actual = createHmac(digest, key).update(authSafeBytes).digest();
  key.fill(0);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new CerthubError('KEY_ENCRYPTED', absent ? NEEDS_PASSPHRASE : WRONG_PASSPHRASE);
  }
}

function safeContentsOf(info: ContentInfo, passphrase: string): Buffer {
  if (info.contentType === ID_DATA) return dataOf(info);
  if (info.contentType === ID_ENCRYPTED_DATA) {
    const { encryptedContentInfo } = structure(info.content, CmsEncryptedData);
    const content = encryptedContentInfo.encryptedContent;
    const encrypted = content?.value
      ? Buffer.from(content.value.buffer)
      : Buffer.concat((content?.constructedValue ?? []).map((part) => Buffer.from(part.buffer)));
    return decryptPbe(encryptedContentInfo.contentEncryptionAlgorithm, encrypted, passphrase);
  }
  throw new CerthubError('CERT_PARSE_FAILED', 'The PKCS#12 bundle is encrypted to a public key (public-key privacy mode); export it with a passphrase instead.');
}

function dataOf(info: ContentInfo): Buffer {
  if (info.contentType !== ID_DATA) throw new CerthubError('CERT_PARSE_FAILED', 'The PKCS#12 bundle is signed rather than passphrase-protected; export it with a passphrase instead.');
  return Buffer.from(structure(info.content, OctetString).buffer);
}

function structure<T>(der: ArrayBuffer | Buffer, type: new () => T): T {
  try {
    return AsnConvert.parse(der, type);
  } catch {
    throw new CerthubError('CERT_PARSE_FAILED', 'The pkcs12 field is not a PKCS#12 bundle that could be decoded.');
  }
}
