import { createOpensslCertificate, createTestCertificate, opensslView, type OpensslCertificateView } from '@certhub/testing';
import type { CertificateMetadata } from '@certhub/contracts';
import { inspectImport } from '../index';

interface Upload {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

const SUBJECT = { O: 'Certhub GmbH', OU: 'Platform', L: 'Berlin', ST: 'Berlin', C: 'DE' };

const CASES: ReadonlyArray<[string, () => Promise<Upload>]> = [
  ['RSA 2048, sha256, DNS and IP SANs, full subject', () => createTestCertificate({ keyType: 'rsa2048', commonName: 'www.example.com', sans: ['www.example.com', 'example.com', '10.0.0.1', '2001:db8::1'], subject: SUBJECT })],
  ['RSA 3072 signed with sha384', () => createTestCertificate({ keyType: 'rsa3072', signatureHash: 'SHA-384' })],
  ['RSA 2048 signed with sha512', () => createTestCertificate({ keyType: 'rsa2048', signatureHash: 'SHA-512' })],
  ['RSA 2048 signed with sha1', () => createTestCertificate({ keyType: 'rsa2048', signatureHash: 'SHA-1' })],
  ['P-256 issued by a P-384 CA', async () => createTestCertificate({ keyType: 'p256', issuer: await createTestCertificate({ keyType: 'p384', isCa: true }) })],
  ['P-384 self-signed CA', () => createTestCertificate({ keyType: 'p384', isCa: true })],
  ['Ed25519', () => createTestCertificate({ keyType: 'ed25519' })],
  ['serial with the high bit set', () => createTestCertificate({ serialNumberHex: '00f1e2d3c4b5a6978800112233445566' })],
  [
    'OpenSSL-made: e-mail and URI SANs, escaped and non-ASCII subject',
    async () =>
      createOpensslCertificate({
        key: 'ec:P-256',
        // Every RFC 2253 special, leading/trailing spaces, a multi-valued RDN and UTF-8 (OpenSSL -subj escapes).
        subject: '/C=CH/ST=Zürich/L=Zürich/O=Certhub\\, Inc./OU=A\\+B/OU=Ops;Dev<x> "q"\\\\/CN= #lead.example +UID=lead/emailAddress=ops@example.com',
        extensions: ['subjectAltName=DNS:lead.example,email:ops@example.com,URI:https://lead.example/path,IP:fe80::1:2,IP:192.168.1.1'],
      }),
  ],
  // Not allowed by RFC 5280, issued nevertheless; `-set_serial` follows the other options of `openssl req`.
  ['OpenSSL-made: negative serial', async () => createOpensslCertificate({ key: 'ec:P-256', subject: '/CN=neg.example', signing: ['-set_serial', '-5'] })],
  ['OpenSSL-made: 20-byte negative serial', async () => createOpensslCertificate({ key: 'ec:P-256', subject: '/CN=neg.example', signing: ['-set_serial', `-0x7f${'ff'.repeat(19)}`] })],
  ['OpenSSL-made: RSA-PSS signature', async () => createOpensslCertificate({ key: 'rsa:2048', subject: '/CN=pss.example', signing: ['-sigopt', 'rsa_padding_mode:pss'] })],
];

describe.each(CASES)('metadata agrees with openssl x509 for %s', (_name, create) => {
  let metadata: CertificateMetadata;
  let openssl: OpensslCertificateView;
  beforeAll(async () => {
    const upload = await create();
    metadata = (await inspectImport({ certificate: upload.certificatePem, privateKey: upload.privateKeyPem })).metadata;
    openssl = opensslView(upload.certificatePem);
  });

  it('version', () => expect(metadata.version).toBe(openssl.version));

  it('serial number, hex and decimal', () => {
    expect(metadata.serialNumberHex).toBe(openssl.serial.toLowerCase());
    const magnitude = BigInt(`0x${openssl.serial.replace(/^-/, '')}`);
    expect(metadata.serialNumberDecimal).toBe((openssl.serial.startsWith('-') ? -magnitude : magnitude).toString());
  });

  it('SHA-256 fingerprint', () => expect(metadata.fingerprintSha256).toBe(openssl.fingerprintSha256));

  it('subject and issuer in RFC 2253 form', () => {
    expect(metadata.subject.text).toBe(openssl.subject);
    expect(metadata.issuer.text).toBe(openssl.issuer);
    expect(metadata.selfIssued).toBe(openssl.subject === openssl.issuer);
  });

  it('validity dates', () => {
    expect(metadata.notBefore).toBe(openssl.notBefore.toISOString().replace('.000Z', 'Z'));
    expect(metadata.notAfter).toBe(openssl.notAfter.toISOString().replace('.000Z', 'Z'));
  });

  it('signature algorithm', () => expect(metadata.signatureAlgorithm).toBe(openssl.signatureAlgorithm));

  it('subject alternative names', () => {
    const ours = [
      ...metadata.subjectAltNames.dns.map((name) => `DNS:${name}`),
      ...metadata.subjectAltNames.ip.map((ip) => `IP Address:${ip}`),
      ...metadata.subjectAltNames.email.map((email) => `email:${email}`),
      ...metadata.subjectAltNames.uri.map((uri) => `URI:${uri}`),
    ];
    expect(ours.sort()).toEqual([...openssl.subjectAltNames].sort());
  });

  it('public key size and curve', () => {
    if (metadata.publicKey.type !== 'Ed25519') expect(metadata.publicKey.size).toBe(openssl.publicKeyBits);
    expect(metadata.publicKey.curve ?? null).toBe(openssl.curve);
  });

  it('CA flag', () => expect(metadata.isCa).toBe(openssl.isCa));
});

describe('metadata attribute lists', () => {
  it('lists each subject attribute and the first common name', async () => {
    const cert = await createTestCertificate({ keyType: 'p256', commonName: 'www.example.com', subject: SUBJECT });
    const { metadata } = await inspectImport({ certificate: cert.certificatePem, privateKey: cert.privateKeyPem });
    expect(metadata.commonName).toBe('www.example.com');
    expect(metadata.subject).toMatchObject({
      commonName: ['www.example.com'],
      organization: ['Certhub GmbH'],
      organizationalUnit: ['Platform'],
      locality: ['Berlin'],
      state: ['Berlin'],
      country: ['DE'],
    });
  });

  it('keeps repeated and non-ASCII values unescaped in the lists', async () => {
    const upload = createOpensslCertificate({ key: 'ec:P-256', subject: '/O=Zürich AG/OU=A\\+B/OU=Ops/CN=x.example' });
    const { metadata } = await inspectImport({ certificate: upload.certificatePem, privateKey: upload.privateKeyPem });
    expect(metadata.subject.organization).toEqual(['Zürich AG']);
    expect(metadata.subject.organizationalUnit).toEqual(['A+B', 'Ops']);
    expect(metadata.subject.text).toBe('CN=x.example,OU=Ops,OU=A\\+B,O=Z\\C3\\BCrich AG');
  });

  it('has a null common name when the subject has none', async () => {
    const upload = createOpensslCertificate({ key: 'ec:P-256', subject: '/O=No CN Inc', extensions: ['subjectAltName=DNS:no-cn.example'] });
    const { metadata } = await inspectImport({ certificate: upload.certificatePem, privateKey: upload.privateKeyPem });
    expect(metadata.commonName).toBeNull();
    expect(metadata.subjectAltNames.dns).toEqual(['no-cn.example']);
  });
});
