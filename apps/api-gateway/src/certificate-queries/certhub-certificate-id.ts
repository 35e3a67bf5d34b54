import { CerthubError } from '@certhub/contracts';
import { parseCertificateId } from '../imports/certificate-id';

/** The certhub API's answer to a certificate_id that names no certificate: 400, not 404. */
export function readCertificateId(raw: string): number {
  const id = parseCertificateId(raw);
  if (id === null) throw new CerthubError('INVALID_REQUEST', 'certificate_id must be a positive integer.');
  return id;
}
