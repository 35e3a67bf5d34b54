import {
  commandContentHash,
  type CertificateCommand,
  type CertificateMetadata,
  type CertificateParsedEvent,
  type DistinguishedName,
  type ErrorCode,
  type ParsedCertificate,
} from '@certhub/contracts';
import { sealPrivateKey, type Kek } from '@certhub/key-envelope';
import { createTestCertificate, type TestCertificate } from '@certhub/testing';
import { createHash, createPrivateKey, randomBytes } from 'node:crypto';

/** The parser's key-encryption key in these specs: storage keeps the sealed key and never opens it. */
const KEK: Kek = { id: 'spec-kek', key: randomBytes(32) };

/** What a command asks for, as the gateway or a bus producer sends it. */
export interface CommandFields {
  readonly requestId: string;
  readonly tenantId: string;
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly tags?: Readonly<Record<string, string>>;
  /** Makes the command an update of this certificate. */
  readonly certificateId?: number;
  /** The certificate's DNS names, the first also its CN; `<name>.example.com` when absent. */
  readonly hostnames?: readonly string[];
}

export type ValidParsedEvent = CertificateParsedEvent & { readonly verdict: { readonly ok: true; readonly parsed: ParsedCertificate } };

/**
 * The parser's hand-over for a valid upload, built the way its CommandHandler builds it: a real certificate
 * and key (valid from now on), the command's content hash, the key sealed for the tenant.
 */
export async function validParsedEvent(fields: CommandFields): Promise<ValidParsedEvent> {
  const hostnames = fields.hostnames ?? [`${fields.name}.example.com`];
  const leaf = await createTestCertificate({ commonName: hostnames[0], sans: hostnames });
  const keyDer = createPrivateKey(leaf.privateKeyPem).export({ format: 'der', type: 'pkcs8' });
  const parsed: ParsedCertificate = {
    certificatePem: leaf.certificatePem,
    chainPem: [],
    trustedRootCaPem: null,
    metadata: metadataOf(leaf, hostnames),
    chain: [],
    privateKey: sealPrivateKey(keyDer, fields.tenantId, KEK),
  };
  keyDer.fill(0);
  return { ...identityOf(fields, leaf.certificatePem, leaf.privateKeyPem), verdict: { ok: true, parsed } };
}

/** The parser's hand-over for an upload it refused (a key that does not match, an expired certificate…). */
export async function rejectedParsedEvent(fields: CommandFields, code: ErrorCode, message: string): Promise<CertificateParsedEvent> {
  const leaf = await createTestCertificate({ commonName: `${fields.name}.example.com` });
  return { ...identityOf(fields, leaf.certificatePem, leaf.privateKeyPem), verdict: { ok: false, code, message } };
}

function identityOf(fields: CommandFields, certificate: string, privateKey: string): Omit<CertificateParsedEvent, 'verdict'> {
  const operation = fields.certificateId === undefined ? 'create' : 'update';
  const labels = { ...fields.labels };
  const tags = fields.tags !== undefined ? { tags: { ...fields.tags } } : {};
  const create = { requestId: fields.requestId, tenantId: fields.tenantId, name: fields.name, certificate, privateKey, labels, ...tags };
  const command: CertificateCommand = fields.certificateId === undefined ? create : { ...create, certificateId: fields.certificateId };
  return {
    requestId: fields.requestId,
    tenantId: fields.tenantId,
    operation,
    certificateId: fields.certificateId ?? null,
    name: fields.name,
    labels,
    ...tags,
    contentHash: commandContentHash(operation, command),
  };
}

/**
 * The metadata the parser reads from this certificate, written down from what the factory made it with
 * (a self-signed P-256 leaf): x509 is read in the parser only, and storage keeps the metadata as given.
 */
function metadataOf(leaf: TestCertificate, hostnames: readonly string[]): CertificateMetadata {
  const name: DistinguishedName = {
    text: `CN=${leaf.commonName}`,
    commonName: [leaf.commonName],
    organization: [],
    organizationalUnit: [],
    locality: [],
    state: [],
    country: [],
  };
  return {
    version: 3,
    serialNumberHex: leaf.serialNumberHex,
    serialNumberDecimal: BigInt(`0x${leaf.serialNumberHex}`).toString(),
    subject: name,
    issuer: name,
    commonName: leaf.commonName,
    subjectAltNames: { dns: [...hostnames], ip: [], email: [], uri: [] },
    signatureAlgorithmOid: '1.2.840.10045.4.3.2',
    signatureAlgorithm: 'ecdsa-with-SHA256',
    notBefore: leaf.notBefore.toISOString(),
    notAfter: leaf.notAfter.toISOString(),
    fingerprintSha256: createHash('sha256').update(Buffer.from(leaf.certificate.rawData)).digest('hex'),
    publicKey: { type: 'EC', size: 256, curve: 'P-256' },
    isCa: false,
    selfIssued: true,
  };
}
