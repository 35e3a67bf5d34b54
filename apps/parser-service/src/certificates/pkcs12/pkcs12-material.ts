import { CerthubError } from '@certhub/contracts';
import { parseCertificateDer, type ParsedCertificate } from '../certificate/parsed-certificate';
import { decodeKeyDer } from '../key/private-key';
import type { UploadedKey } from '../key/uploaded-key';
import { sameName } from '../names/distinguished-name';
import { encodePem } from '../pem/pem-blocks';
import { readPkcs12Bundle } from './pkcs12-bundle';

/** A bundle's content in the upload's own fields, so every check after this reads it as it reads a PEM upload. */
export interface Pkcs12Fields {
  readonly certificate: string;
  readonly chain: string;
  readonly privateKey: UploadedKey;
}

/**
 * Opens the bundle and lays it out as an upload: the certificate whose public key is the bundle's key first
 * (bags come in no defined order, and Windows often puts the CA first), then each next issuer found among the
 * rest, then whatever is left in bag order, which the chain checks then judge.
 */
export function pkcs12Fields(base64: string, passphrase: string | undefined): Pkcs12Fields {
  const content = readPkcs12Bundle(base64, passphrase);
  let privateKey: UploadedKey;
  try {
    privateKey = decodeKeyDer(content.privateKeyPkcs8Der, 'pkcs8');
  } catch (error) {
    if (error instanceof CerthubError) throw error;
    throw new CerthubError('KEY_PARSE_FAILED', 'The private key in the PKCS#12 bundle could not be decoded.');
  } finally {
    content.privateKeyPkcs8Der.fill(0);
  }
  const certificates = content.certificates.map((der) => {
    try {
      return parseCertificateDer(der);
    } catch {
      throw new CerthubError('CERT_PARSE_FAILED', 'The PKCS#12 bundle holds a certificate that is not a valid X.509 certificate.');
    }
  });
  const ordered = leafFirst(certificates, privateKey);
  return {
    certificate: encodePem('CERTIFICATE', ordered[0].der),
    chain: ordered.slice(1).map((cert) => encodePem('CERTIFICATE', cert.der)).join(''),
    privateKey,
  };
}

function leafFirst(certificates: ParsedCertificate[], privateKey: UploadedKey): ParsedCertificate[] {
  const spki = privateKey.publicKeySpki();
  const leaf = certificates.find((cert) => Buffer.from(cert.publicKey.rawData).equals(spki)) ?? certificates[0];
  const rest = certificates.filter((cert) => cert !== leaf);
  const ordered = [leaf];
  for (let current = leaf; ; ) {
    const issuer = rest.find((cert) => sameName(current.issuerDn, cert.subjectDn) && !ordered.includes(cert));
    if (!issuer) break;
    ordered.push(issuer);
    current = issuer;
  }
  return [...ordered, ...rest.filter((cert) => !ordered.includes(cert))];
}
