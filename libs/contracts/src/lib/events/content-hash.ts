import { createHash } from 'node:crypto';
import type { CertificateCommand, CommandOperation } from './certificate-command.events';
import type { CertificateLifecycleCommand } from './certificate-lifecycle-command.events';
import type { LifecycleOperation } from '../subjects';

/**
 * Identifies what a command asks for, so a request id reused for different content is refused instead of
 * silently answered with the first request's outcome. The private key is left out on purpose: no digest of a
 * key is ever stored, and the certificate already determines which key can match it.
 */
export function commandContentHash(operation: CommandOperation, command: CertificateCommand): string {
  const labels = Object.entries(command.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const certificateId = 'certificateId' in command ? command.certificateId : null;
  return createHash('sha256')
    .update(
      JSON.stringify([
        operation,
        command.tenantId,
        certificateId,
        command.name,
        command.certificate,
        command.chain ?? '',
        command.trustedRootCa ?? '',
        labels,
      ]),
    )
    .digest('hex');
}

/** The same for `certificate.delete` / `certificate.rollback`: what they name is all they ask for. */
export function lifecycleContentHash(operation: LifecycleOperation, command: CertificateLifecycleCommand): string {
  const version = 'version' in command ? command.version : null;
  return createHash('sha256').update(JSON.stringify([operation, command.tenantId, command.certificateId, version])).digest('hex');
}
