import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { GATEWAY_OUTCOMES_SUBJECT } from '../subjects';
import { COMMAND_SCHEMA_VERSION, CommandIdentity } from './certificate-command.events';

/** Fields every command naming a stored certificate carries, besides who asks and under which request id. */
class StoredCertificateCommand extends CommandIdentity {
  @IsOptional()
  @IsIn([COMMAND_SCHEMA_VERSION])
  schemaVersion?: number;

  /** The certificate, which must belong to the command's tenant (another tenant's id is NOT_FOUND). */
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  certificateId!: number;

  /** Who produced the command, for logs and metrics only. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  source?: string;

  /** As in CertificateCreateCommand: set by the gateway, a gateway instance's outcome subject. */
  @IsOptional()
  @IsString()
  @Matches(GATEWAY_OUTCOMES_SUBJECT, { message: 'replyTo must be a gateway outcome subject' })
  replyTo?: string;
}

/**
 * `certificate.delete`: retire a certificate. Idempotent: deleting it again is answered `deleted` again. Its
 * name is free at once; its sealed keys are destroyed after DELETED_KEY_RETENTION_MS (docs/events.md).
 */
export class CertificateDeleteCommand extends StoredCertificateCommand {}

/** `certificate.rollback`: make a kept version's content current again, as a new version. */
export class CertificateRollbackCommand extends StoredCertificateCommand {
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  version!: number;
}

export type CertificateLifecycleCommand = CertificateDeleteCommand | CertificateRollbackCommand;
