import { CerthubError, type CertificateMetadata, type ChainEntryMetadata } from '@certhub/contracts';
import { readCertificateField, readChainField, readTrustedRootField } from './certificate/certificate-fields';
import { describeCertificate, describeChainEntry } from './certificate/certificate-metadata';
import { assertCurrentlyValid } from './certificate/validity';
import { assembleChain } from './chain/chain-assembly';
import { verifyChain } from './chain/chain-verification';
import { uncheckedUpload, underCode, underCodeAsync } from './domain-errors';
import { assertKeyMatches } from './key/key-match';
import { readPrivateKey } from './key/private-key';
import { encodePem } from './pem/pem-blocks';

export interface ImportMaterial {
  certificate: string;
  privateKey: string;
  chain?: string;
  trustedRootCa?: string;
}

export interface InspectedImport {
  /** The server certificate re-encoded as PEM: LF line ends, 64 columns. */
  certificatePem: string;
  /** Intermediates, the leaf's issuer first. */
  chainPem: string[];
  trustedRootCaPem: string | null;
  metadata: CertificateMetadata;
  /** One entry per `chainPem` certificate, same order. */
  chain: ChainEntryMetadata[];
  /** The private key as PKCS#8 DER; the caller seals it and zero-fills the buffer. */
  privateKeyPkcs8Der: Buffer;
}

/**
 * Parses and checks an upload. Fails only with a CerthubError whose code names the field at fault. Each field is
 * read on its own first, in form order (certificate, private key, chain, root), then how they fit together (key
 * match, chain links): a user fixing one error at a time sees problems in the order they appear in the form.
 */
export async function inspectImport(material: ImportMaterial, now: Date = new Date()): Promise<InspectedImport> {
  try {
    const { leaf, followers } = readCertificateField(material.certificate);
    const metadata = underCode('CERT_PARSE_FAILED', 'The certificate could not be decoded.', () => describeCertificate(leaf));
    assertCurrentlyValid(leaf, now);
    const privateKey = readPrivateKey(material.privateKey);
    const candidates = [...followers, ...readChainField(material.chain)];
    const root = readTrustedRootField(material.trustedRootCa);
    const chain = underCode('CHAIN_PARSE_FAILED', 'The certificate chain could not be decoded.', () => assembleChain(leaf, candidates, root));
    const chainMetadata = underCode('CHAIN_PARSE_FAILED', 'The certificate chain could not be decoded.', () => chain.map(describeChainEntry));
    await underCodeAsync('KEY_MISMATCH', 'The private key does not match the certificate.', () => assertKeyMatches(privateKey, leaf, chain));
    await underCodeAsync('CHAIN_BROKEN', 'The certificate chain could not be verified.', () => verifyChain(leaf, chain, root));
    return {
      certificatePem: encodePem('CERTIFICATE', leaf.der),
      chainPem: chain.map((cert) => encodePem('CERTIFICATE', cert.der)),
      trustedRootCaPem: root ? encodePem('CERTIFICATE', root.der) : null,
      metadata,
      chain: chainMetadata,
      privateKeyPkcs8Der: privateKey.export({ type: 'pkcs8', format: 'der' }),
    };
  } catch (error) {
    if (error instanceof CerthubError) throw error;
    // Every step above maps its own failures; reaching this is a bug, and the caller must still get a domain error.
    throw uncheckedUpload();
  }
}
