import { CerthubError } from '@certhub/contracts';
import { isoSeconds } from './certificate-metadata';
import type { ParsedCertificate } from './parsed-certificate';

/** Only the server certificate is checked: an expired intermediate is the CA's problem and clients report it. */
export function assertCurrentlyValid(cert: ParsedCertificate, now: Date): void {
  if (cert.notAfter.getTime() < now.getTime()) {
    throw new CerthubError('CERT_EXPIRED', `The certificate expired on ${isoSeconds(cert.notAfter)}.`);
  }
  if (cert.notBefore.getTime() > now.getTime()) {
    throw new CerthubError('CERT_NOT_YET_VALID', `The certificate is not valid before ${isoSeconds(cert.notBefore)}.`);
  }
}
