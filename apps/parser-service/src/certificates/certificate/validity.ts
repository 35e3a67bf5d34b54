import { CerthubError } from '@certhub/contracts';
import { isoSeconds } from './certificate-metadata';
import { criticalExtensionProblem, isPrecertificate } from './critical-extensions';
import type { ParsedCertificate } from './parsed-certificate';

/** Under this many days left, a dry run warns that the certificate is about to expire. */
export const EXPIRES_SOON_DAYS = 14;
const DAY_MS = 86_400_000;

/** The server certificate's own dates; the issuers' are checked with the chain (chain/issuer-usability.ts). */
export function assertCurrentlyValid(cert: ParsedCertificate, now: Date): void {
  if (cert.notAfter.getTime() < now.getTime()) {
    throw new CerthubError('CERT_EXPIRED', `The certificate expired on ${isoSeconds(cert.notAfter)}.`);
  }
  if (cert.notBefore.getTime() > now.getTime()) {
    throw new CerthubError('CERT_NOT_YET_VALID', `The certificate is not valid before ${isoSeconds(cert.notBefore)}.`);
  }
}

/** Clients refuse the server certificate outright when it carries a critical extension they cannot process. */
export function assertExtensionsProcessable(cert: ParsedCertificate): void {
  if (isPrecertificate(cert)) {
    throw new CerthubError(
      'CERT_PARSE_FAILED',
      'The certificate is a Certificate Transparency precertificate (it carries the CT poison extension), which no client accepts; download the certificate your CA issued and upload that.',
    );
  }
  const problem = criticalExtensionProblem(cert, 'The certificate');
  if (problem) throw new CerthubError('CERT_PARSE_FAILED', `${problem} (RFC 5280 §4.2); ask your CA to reissue it.`);
}

/** A certificate still valid but expiring within EXPIRES_SOON_DAYS: accepted, with a warning saying so. */
export function expiryWarning(cert: ParsedCertificate, now: Date): string | null {
  const left = cert.notAfter.getTime() - now.getTime();
  if (left < 0 || left >= EXPIRES_SOON_DAYS * DAY_MS) return null;
  const days = Math.floor(left / DAY_MS);
  const when = days === 0 ? 'in less than a day' : `in ${days} day${days === 1 ? '' : 's'}`;
  return `The certificate expires ${when} (${isoSeconds(cert.notAfter)}); renew it with your CA and upload the renewed one.`;
}
