import { randomBytes, type webcrypto } from 'node:crypto';
import { certificateExtensions, signingKey } from './test-certificate-signing';
import { privateKeyToPem, type TestKeyFormat } from './test-key-encodings';
import { pooledKeyPair } from './test-key-pool';
import { signingParams, type TestKeyType, type TestSignatureHash } from './test-key-types';
import { x509 } from './x509-runtime';

export interface TestSubject {
  readonly O?: string;
  readonly OU?: string;
  readonly L?: string;
  readonly ST?: string;
  readonly C?: string;
}

export interface TestCertificateOptions {
  readonly keyType?: TestKeyType;
  readonly commonName?: string;
  /** DNS names; entries that are IP addresses become IP SANs. Defaults to [commonName] for leaves, none for CAs. */
  readonly sans?: readonly string[];
  readonly subject?: TestSubject;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** Signs with this CA; self-signed when absent. */
  readonly issuer?: TestCertificate;
  readonly isCa?: boolean;
  readonly keyFormat?: TestKeyFormat;
  /** Reuses a key pair instead of taking one from the pool (see test-key-pool). */
  readonly keyPair?: webcrypto.CryptoKeyPair;
  /** Hash of the issuer's signature; defaults to the usual one for the issuer key. */
  readonly signatureHash?: TestSignatureHash;
  /** Lower-case hex without sign handling; random positive 16 bytes by default. */
  readonly serialNumberHex?: string;
  /** For a CA: its pathLenConstraint, or `'omitted'` to leave basicConstraints out (keyUsage keyCertSign stays). */
  readonly basicConstraints?: { readonly pathLength: number } | 'omitted';
}

export interface TestCertificate {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  readonly certificate: x509.X509Certificate;
  readonly keyType: TestKeyType;
  readonly keyPair: webcrypto.CryptoKeyPair;
  readonly commonName: string;
  readonly serialNumberHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A certificate valid from an hour ago for 30 days unless told otherwise; dates are always relative to now. */
export async function createTestCertificate(options: TestCertificateOptions = {}): Promise<TestCertificate> {
  const keyType = options.keyType ?? 'p256';
  const isCa = options.isCa ?? false;
  const commonName = options.commonName ?? (isCa ? `Certhub Test CA ${suffix()}` : `${suffix()}.test.certhub.local`);
  const keyPair = options.keyPair ?? (await pooledKeyPair(keyType));
  const notBefore = wholeSeconds(options.notBefore ?? new Date(Date.now() - HOUR_MS));
  const notAfter = wholeSeconds(options.notAfter ?? new Date(Date.now() + 30 * DAY_MS));
  const serialNumberHex = options.serialNumberHex ?? randomSerialHex();
  const subject = subjectName(commonName, options.subject);
  const issuer = options.issuer;
  const signing = signingParams(issuer?.keyType ?? keyType, options.signatureHash);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumberHex,
    subject,
    issuer: issuer ? issuer.certificate.subjectName : subject,
    notBefore,
    notAfter,
    signingAlgorithm: signing,
    publicKey: keyPair.publicKey,
    signingKey: await signingKey(issuer?.keyPair ?? keyPair, issuer?.keyType ?? keyType, signing),
    extensions: await certificateExtensions(keyPair, isCa, options.sans ?? (isCa ? [] : [commonName]), issuer?.keyPair, options.basicConstraints),
  });
  return {
    // The library ends PEM without a newline; files written by OpenSSL end with one, and concatenation needs it.
    certificatePem: `${certificate.toString('pem')}\n`,
    privateKeyPem: privateKeyToPem(keyPair.privateKey, options.keyFormat),
    certificate,
    keyType,
    keyPair,
    commonName,
    serialNumberHex,
    notBefore,
    notAfter,
  };
}

function subjectName(commonName: string, subject: TestSubject = {}): x509.Name {
  const order = ['C', 'ST', 'L', 'O', 'OU'] as const;
  const attributes = order.flatMap((type) => (subject[type] === undefined ? [] : [{ [type]: [subject[type] as string] }]));
  return new x509.Name([...attributes, { CN: [commonName] }]);
}

function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x01;
  return bytes.toString('hex');
}

function suffix(): string {
  return randomBytes(4).toString('hex');
}

/** Certificates store whole seconds; rounding here keeps a TestCertificate's dates equal to what it encodes. */
function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

export const TEST_DAY_MS = DAY_MS;
