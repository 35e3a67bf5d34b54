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
  const certificateId = 'certificateId' in command ? command.certificateId : null;
  // The fields added later (a bundle, tags) are appended only when present, so a command without them hashes
  // as it always did and its stored outcome still answers it. The passphrase is left out like the key.
  const later = command.pkcs12 !== undefined || command.tags !== undefined ? [command.pkcs12 ?? '', sortedEntries(command.tags)] : [];
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
        sortedEntries(command.labels),
        ...later,
      ]),
    )
    .digest('hex');
}

/** The same for `certificate.delete` / `certificate.rollback`: what they name is all they ask for. */
export function lifecycleContentHash(operation: LifecycleOperation, command: CertificateLifecycleCommand): string {
  const version = 'version' in command ? command.version : null;
  return createHash('sha256').update(JSON.stringify([operation, command.tenantId, command.certificateId, version])).digest('hex');
}

function sortedEntries(record: Readonly<Record<string, string>> | undefined): Array<[string, string]> {
  return Object.entries(record ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
