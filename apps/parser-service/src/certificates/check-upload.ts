import { CerthubError, type CertificateMetadata, type ChainEntryMetadata, type ErrorCode, type UploadField, type UploadProblem } from '@certhub/contracts';
import { readCertificateField, readChainField, readTrustedRootField } from './certificate/certificate-fields';
import { describeCertificate, describeChainEntry } from './certificate/certificate-metadata';
import type { ParsedCertificate } from './certificate/parsed-certificate';
import { assertCurrentlyValid, assertExtensionsProcessable, expiryWarning } from './certificate/validity';
import { assembleChain, missingIssuerWarning, pathBelowRoot } from './chain/chain-assembly';
import { verifyChain } from './chain/chain-verification';
import { assertIssuersUsable } from './chain/issuer-usability';
import { asDomainError, underCode, underCodeAsync } from './domain-errors';
import { assertKeyMatches } from './key/key-match';
import { readPrivateKey } from './key/private-key';
import type { UploadedKey } from './key/uploaded-key';
import { pkcs12Fields } from './pkcs12/pkcs12-material';

export interface ImportMaterial {
  /** Required unless `pkcs12` is given. */
  certificate?: string;
  privateKey?: string;
  chain?: string;
  trustedRootCa?: string;
  /** A base64 PKCS#12 bundle instead of `certificate` and `privateKey`. */
  pkcs12?: string;
  /** Opens an encrypted key or the bundle; read here only. */
  passphrase?: string;
}

/** Everything one pass over an upload learned: every problem, and whatever could be read despite them. */
export interface UploadCheck {
  readonly problems: UploadProblem[];
  readonly leaf: ParsedCertificate | null;
  readonly metadata: CertificateMetadata | null;
  readonly chain: ParsedCertificate[] | null;
  readonly chainMetadata: ChainEntryMetadata[];
  readonly root: ParsedCertificate | null;
  readonly privateKey: UploadedKey | null;
}

/**
 * The one implementation of every check of an upload, for the import (which stops at the first `error`) and
 * the dry run (which reports them all). Each field is read on its own first, in form order (certificate,
 * private key, chain, root), then how they fit together (key match, chain links); a step is skipped only
 * when a field it needs could not be read. Failures of every step are domain errors (CerthubError); anything
 * else escapes, and the callers turn it into INTERNAL.
 */
export async function checkUpload(material: ImportMaterial, now: Date): Promise<UploadCheck> {
  const problems: UploadProblem[] = [];
  const fromBundle = material.pkcs12 !== undefined;
  const sent = { fromBundle, chainSent: material.chain !== undefined, passphraseSent: material.passphrase !== undefined };
  // A domain error is a problem of the upload; anything else is ours, and ends the check (the callers answer INTERNAL).
  const record = (error: unknown, field: UploadField) => {
    const { code, message } = asDomainError(error, 'INTERNAL', 'The upload could not be checked.');
    if (code === 'INTERNAL') throw error;
    problems.push({ code, severity: 'error', field: fieldOf(code, field, sent), message });
  };
  const attempt = <T>(field: UploadField, step: () => T): T | null => {
    try {
      return step();
    } catch (error) {
      record(error, field);
      return null;
    }
  };
  /** Whether the step passed. */
  const attemptAsync = async (field: UploadField, step: () => Promise<void>): Promise<boolean> => {
    try {
      await step();
      return true;
    } catch (error) {
      record(error, field);
      return false;
    }
  };

  let fields: { certificate?: string; chain?: string; privateKey: UploadedKey | null } = { certificate: material.certificate, chain: material.chain, privateKey: null };
  if (fromBundle) {
    const opened = attempt('pkcs12', () => pkcs12Fields(material.pkcs12 as string, material.passphrase));
    if (opened === null) return { problems, leaf: null, metadata: null, chain: null, chainMetadata: [], root: null, privateKey: null };
    // Intermediates sent beside the bundle come after the ones inside it.
    fields = { certificate: opened.certificate, chain: `${opened.chain}${material.chain ?? ''}`, privateKey: opened.privateKey };
  }

  const content = attempt('certificate', () => readCertificateField(fields.certificate ?? ''));
  const leaf = content?.leaf ?? null;
  const metadata = leaf ? attempt('certificate', () => underCode('CERT_PARSE_FAILED', 'The certificate could not be decoded.', () => describeCertificate(leaf))) : null;
  if (leaf) attempt('certificate', () => assertCurrentlyValid(leaf, now));
  if (leaf) attempt('certificate', () => assertExtensionsProcessable(leaf));
  const privateKey = fields.privateKey ?? attempt('privateKey', () => readPrivateKey(material.privateKey ?? '', material.passphrase));
  const chainField = attempt('chain', () => readChainField(fields.chain));
  const rootField = attempt('trustedRootCa', () => readTrustedRootField(material.trustedRootCa));
  // Null both when there is no root and when it could not be read; only the first lets the links be checked.
  const rootRead = !problems.some((problem) => problem.field === 'trustedRootCa');
  const chain =
    leaf && content && chainField
      ? attempt('chain', () => underCode('CHAIN_PARSE_FAILED', 'The certificate chain could not be decoded.', () => assembleChain(leaf, [...content.followers, ...chainField], rootField)))
      : null;
  const chainMetadata = chain ? attempt('chain', () => underCode('CHAIN_PARSE_FAILED', 'The certificate chain could not be decoded.', () => chain.map(describeChainEntry))) : null;
  if (privateKey && leaf && chain) await attemptAsync('privateKey', () => underCodeAsync('KEY_MISMATCH', 'The private key does not match the certificate.', () => assertKeyMatches(privateKey, leaf, chain)));
  if (leaf && chain && rootRead) {
    const path = pathBelowRoot(chain, rootField);
    const linked = await attemptAsync('chain', () => underCodeAsync('CHAIN_BROKEN', 'The certificate chain could not be verified.', () => verifyChain(leaf, path, rootField)));
    if (linked) attempt('chain', () => assertIssuersUsable(path, rootField, now));
  }

  // Warnings after the errors: they never block, so the import, which answers the first error, never answers one.
  const expiry = leaf ? expiryWarning(leaf, now) : null;
  if (expiry) problems.push({ code: 'CERT_EXPIRES_SOON', severity: 'warning', field: fromBundle ? 'pkcs12' : 'certificate', message: expiry });
  const missingIssuer = leaf && chain ? missingIssuerWarning(leaf, chain, rootField) : null;
  if (missingIssuer) problems.push({ code: 'CHAIN_INCOMPLETE', severity: 'warning', field: fromBundle ? 'pkcs12' : 'chain', message: missingIssuer });

  return { problems, leaf, metadata, chain, chainMetadata: chainMetadata ?? [], root: rootField, privateKey };
}

/** The first `error` of a check, as the import refuses it. */
export function firstBlockingProblem(check: UploadCheck): CerthubError | null {
  const first = check.problems.find((problem) => problem.severity === 'error');
  return first ? new CerthubError(first.code as ErrorCode, first.message) : null;
}

/**
 * Which field to point at: the one whose step failed, except that a passphrase problem is the passphrase's
 * when one was sent, a key that belongs to a later certificate is the chain's order, and whatever came out of
 * a bundle is the bundle's.
 */
function fieldOf(code: ErrorCode, step: UploadField, sent: { fromBundle: boolean; chainSent: boolean; passphraseSent: boolean }): UploadField {
  if (code === 'KEY_ENCRYPTED') return sent.passphraseSent || sent.fromBundle ? 'passphrase' : 'privateKey';
  if (code === 'CHAIN_ORDER_INVALID') return sent.fromBundle && !sent.chainSent ? 'pkcs12' : 'chain';
  if (sent.fromBundle && (step === 'certificate' || step === 'privateKey' || (step === 'chain' && !sent.chainSent))) return 'pkcs12';
  return step;
}
