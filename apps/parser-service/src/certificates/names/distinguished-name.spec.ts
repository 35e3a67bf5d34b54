import { opensslView } from '@certhub/testing';
import { webcrypto } from 'node:crypto';
import { parseCertificateDer } from '../certificate/parsed-certificate';
import { x509 } from '../certificate/x509-runtime';

/** Builds the name directly, to reach string types and OIDs that neither the test factory nor `openssl req` write. */
async function certificateWithSubject(name: ConstructorParameters<typeof x509.Name>[0]): Promise<string> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(algorithm, false, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '01', name: new x509.Name(name), keys, signingAlgorithm: algorithm, notBefore: new Date(), notAfter: new Date(Date.now() + 60_000) });
  return cert.toString('pem');
}

const subjectOf = (pem: string) => parseCertificateDer(Buffer.from(x509.PemConverter.decodeFirst(pem))).subjectDn;

describe('describeName', () => {
  it('prints BMPString, UniversalString and PrintableString values as OpenSSL does', async () => {
    const pem = await certificateWithSubject([{ C: [{ printableString: 'DE' }] }, { O: [{ universalString: 'Univ Ü' }] }, { CN: [{ bmpString: 'Bmp Ünï' }] }]);
    const dn = subjectOf(pem);
    expect(dn.text).toBe(opensslView(pem).subject);
    expect(dn.commonName).toEqual(['Bmp Ünï']);
    expect(dn.organization).toEqual(['Univ Ü']);
  });

  it('dumps attributes OpenSSL has no name for as OID=#hex of their DER', async () => {
    const pem = await certificateWithSubject([{ '1.2.3.4': [{ utf8String: 'unknown' }] }, { '1.3.6.1.4.1.99999.1': [{ printableString: 'x' }] }, { CN: ['known'] }]);
    const dn = subjectOf(pem);
    expect(dn.text).toBe(opensslView(pem).subject);
    expect(dn.text).toContain('1.2.3.4=#0C07756E6B6E6F776E');
  });

  it('escapes a lone trailing space but not a lone #, like OpenSSL', async () => {
    const pem = await certificateWithSubject([{ O: [{ utf8String: ' ' }] }, { OU: [{ utf8String: '#' }] }, { CN: [{ utf8String: 'a\u0001b' }] }]);
    const dn = subjectOf(pem);
    expect(dn.text).toBe(opensslView(pem).subject);
    expect(dn.text).toBe('CN=a\\01b,OU=#,O=\\ ');
  });
});
