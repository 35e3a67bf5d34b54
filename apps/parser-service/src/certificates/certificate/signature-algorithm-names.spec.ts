import { runOpenssl } from '@certhub/testing';
import { KNOWN_SIGNATURE_ALGORITHM_OIDS, signatureAlgorithmName } from './signature-algorithm-names';

describe('signatureAlgorithmName', () => {
  it.each(KNOWN_SIGNATURE_ALGORITHM_OIDS)('names %s as OpenSSL does', (oid) => {
    // asn1parse prints an OBJECT with OpenSSL's long name, the same text `x509 -text` uses.
    const printed = runOpenssl(['asn1parse', '-genstr', `OID:${oid}`]).trim().split(':').at(-1);
    expect(signatureAlgorithmName(oid).name).toBe(printed);
  });

  it('names an unknown algorithm by its OID', () => {
    expect(signatureAlgorithmName('1.2.3.4.5')).toEqual({ name: '1.2.3.4.5' });
  });
});
