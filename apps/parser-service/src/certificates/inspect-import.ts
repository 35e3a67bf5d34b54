import { CerthubError, type CertificateMetadata, type CertificateValidateReply, type ChainEntryMetadata } from '@certhub/contracts';
import { checkUpload, firstBlockingProblem, type ImportMaterial } from './check-upload';
import { uncheckedUpload } from './domain-errors';
import { encodePem } from './pem/pem-blocks';

export type { ImportMaterial } from './check-upload';

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
 * Parses and checks an upload for import. Fails only with a CerthubError: the first blocking problem
 * checkUpload found, in form order, so a user fixing one error at a time sees problems in the order they
 * appear in the form.
 */
export async function inspectImport(material: ImportMaterial, now: Date = new Date()): Promise<InspectedImport> {
  try {
    const check = await checkUpload(material, now);
    const refusal = firstBlockingProblem(check);
    if (refusal) throw refusal;
    const { leaf, metadata, chain, chainMetadata, root, privateKey } = check;
    if (!leaf || !metadata || !chain || !privateKey) throw uncheckedUpload();
    return {
      certificatePem: encodePem('CERTIFICATE', leaf.der),
      chainPem: chain.map((cert) => encodePem('CERTIFICATE', cert.der)),
      trustedRootCaPem: root ? encodePem('CERTIFICATE', root.der) : null,
      metadata,
      chain: chainMetadata,
      privateKeyPkcs8Der: privateKey.pkcs8Der(),
    };
  } catch (error) {
    if (error instanceof CerthubError) throw error;
    // Every step maps its own failures; reaching this is a bug, and the caller must still get a domain error.
    throw uncheckedUpload();
  }
}

/** The dry run: the same checks, every problem reported, nothing exported (the key never leaves checkUpload). */
export async function validateUpload(material: ImportMaterial, now: Date = new Date()): Promise<CertificateValidateReply> {
  let check;
  try {
    check = await checkUpload(material, now);
  } catch {
    throw uncheckedUpload();
  }
  return {
    valid: !check.problems.some((problem) => problem.severity === 'error'),
    problems: check.problems,
    metadata: check.metadata,
    chain: check.chainMetadata,
  };
}
