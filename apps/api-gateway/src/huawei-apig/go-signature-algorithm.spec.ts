import type { CertificateMetadata } from '@certhub/contracts';
import { createOpensslCertificate, type OpensslCertificate } from '@certhub/testing';
import { goSignatureAlgorithm } from './go-signature-algorithm';

const RSASSA_PSS = '1.2.840.113549.1.1.10';
const metadataFor = (oid: string, opensslName: string) =>
  ({ signatureAlgorithmOid: oid, signatureAlgorithm: opensslName }) as unknown as CertificateMetadata;

describe('goSignatureAlgorithm', () => {
  it.each([
    ['1.2.840.113549.1.1.5', 'sha1WithRSAEncryption', 'SHA1-RSA'],
    ['1.2.840.113549.1.1.11', 'sha256WithRSAEncryption', 'SHA256-RSA'],
    ['1.2.840.113549.1.1.12', 'sha384WithRSAEncryption', 'SHA384-RSA'],
    ['1.2.840.113549.1.1.13', 'sha512WithRSAEncryption', 'SHA512-RSA'],
    ['1.2.840.10045.4.3.2', 'ecdsa-with-SHA256', 'ECDSA-SHA256'],
    ['1.2.840.10045.4.3.3', 'ecdsa-with-SHA384', 'ECDSA-SHA384'],
    ['1.2.840.10045.4.3.4', 'ecdsa-with-SHA512', 'ECDSA-SHA512'],
    ['1.3.101.112', 'ED25519', 'Ed25519'],
  ])('names OID %s (%s) as Go does: %s', (oid, opensslName, goName) => {
    expect(goSignatureAlgorithm(metadataFor(oid, opensslName), '')).toBe(goName);
  });

  it('falls back to OpenSSL\'s name where Go has none (SHA-224)', () => {
    expect(goSignatureAlgorithm(metadataFor('1.2.840.113549.1.1.14', 'sha224WithRSAEncryption'), '')).toBe('sha224WithRSAEncryption');
  });

  describe('RSASSA-PSS, named after its parameters', () => {
    let ca: OpensslCertificate;
    beforeAll(() => (ca = createOpensslCertificate({ key: 'rsa:2048', subject: '/CN=PSS CA', extensions: ['basicConstraints=critical,CA:TRUE'] })));
    const pssLeaf = (hash: string, saltLength: string) =>
      createOpensslCertificate({
        key: 'rsa:2048',
        subject: '/CN=pss.example',
        issuer: ca,
        signing: [`-${hash}`, '-sigopt', 'rsa_padding_mode:pss', '-sigopt', `rsa_pss_saltlen:${saltLength}`],
      }).certificatePem;

    it.each([
      ['sha256', 'SHA256-RSAPSS'],
      ['sha384', 'SHA384-RSAPSS'],
      ['sha512', 'SHA512-RSAPSS'],
    ])('%s with a salt as long as the hash is %s', (hash, goName) => {
      expect(goSignatureAlgorithm(metadataFor(RSASSA_PSS, 'rsassaPss'), pssLeaf(hash, 'digest'))).toBe(goName);
    });

    it('is unknown to Go with any other salt length, so OpenSSL\'s name is used', () => {
      expect(goSignatureAlgorithm(metadataFor(RSASSA_PSS, 'rsassaPss'), pssLeaf('sha256', '20'))).toBe('rsassaPss');
      expect(goSignatureAlgorithm(metadataFor(RSASSA_PSS, 'rsassaPss'), pssLeaf('sha256', 'max'))).toBe('rsassaPss');
    });

    it('is unknown for a certificate that cannot be read', () => {
      expect(goSignatureAlgorithm(metadataFor(RSASSA_PSS, 'rsassaPss'), 'not a certificate')).toBe('rsassaPss');
    });
  });
});
