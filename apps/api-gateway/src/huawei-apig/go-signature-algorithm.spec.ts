import type { CertificateMetadata, RsaPssParameters } from '@certhub/contracts';
import { goSignatureAlgorithm } from './go-signature-algorithm';

const RSASSA_PSS = '1.2.840.113549.1.1.10';
const SHA256 = '2.16.840.1.101.3.4.2.1';
const SHA384 = '2.16.840.1.101.3.4.2.2';
const SHA512 = '2.16.840.1.101.3.4.2.3';
const metadataFor = (oid: string, opensslName: string, rsaPssParameters?: RsaPssParameters | null) =>
  ({ signatureAlgorithmOid: oid, signatureAlgorithm: opensslName, ...(rsaPssParameters !== undefined && { rsaPssParameters }) }) as CertificateMetadata;
const pss = (hashOid: string, saltLength: number, overrides: Partial<RsaPssParameters> = {}) =>
  metadataFor(RSASSA_PSS, 'rsassaPss', { hashOid, mgf1HashOid: hashOid, saltLength, trailerField: 1, ...overrides });

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
    expect(goSignatureAlgorithm(metadataFor(oid, opensslName))).toBe(goName);
  });

  it("falls back to OpenSSL's name where Go has none (SHA-224)", () => {
    expect(goSignatureAlgorithm(metadataFor('1.2.840.113549.1.1.14', 'sha224WithRSAEncryption'))).toBe('sha224WithRSAEncryption');
  });

  describe('RSASSA-PSS, named after the parameters the parser read', () => {
    it.each([
      [SHA256, 32, 'SHA256-RSAPSS'],
      [SHA384, 48, 'SHA384-RSAPSS'],
      [SHA512, 64, 'SHA512-RSAPSS'],
    ])('hash %s with a salt of %d bytes is %s', (hash, salt, goName) => {
      expect(goSignatureAlgorithm(pss(hash, salt))).toBe(goName);
    });

    it.each([
      ['another salt length', pss(SHA256, 20)],
      ['MGF1 over another hash', pss(SHA256, 32, { mgf1HashOid: SHA384 })],
      ['another trailer', pss(SHA256, 32, { trailerField: 2 })],
      ['a hash Go does not name', pss('2.16.840.1.101.3.4.2.4', 28)],
      ['parameters that were not explicit', metadataFor(RSASSA_PSS, 'rsassaPss', null)],
      ['a certificate stored before the parser read them', metadataFor(RSASSA_PSS, 'rsassaPss')],
    ])("is unknown to Go with %s, so OpenSSL's name is used", (_case, metadata) => {
      expect(goSignatureAlgorithm(metadata)).toBe('rsassaPss');
    });
  });
});
