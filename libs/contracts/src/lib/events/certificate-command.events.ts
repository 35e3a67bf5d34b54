import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { IsStringRecord } from '../validation/is-string-record';
import { GATEWAY_OUTCOMES_SUBJECT, type CommandOperation } from '../subjects';

export type { CommandOperation };

/** Upper bounds that keep one event far below NATS' default 1 MiB payload limit. */
export const CommandLimits = {
  requestId: 128,
  tenantId: 128,
  name: 255,
  certificate: 65_536,
  privateKey: 16_384,
  chain: 131_072,
  /** A .pfx in base64: room for the certificate, key and chain above, encoded (4/3) with margin. */
  pkcs12: 262_144,
  passphrase: 1_024,
} as const;

/** `tags`: searchable key/value pairs (GET …/certificates?tag=key:value), bounded like ACM's. */
export const TagLimits = { maxEntries: 32, maxKeyLength: 64, maxValueLength: 256 } as const;

export const COMMAND_SCHEMA_VERSION = 1;

/** Ids are opaque to certhub but must be safe as a Nats-Msg-Id and in logs. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@/-]*$/;


/** The part of a command needed to answer it at all: who asked, and under which idempotency key. */
export class CommandIdentity {
  /** Idempotency key: a command with a request id already processed yields the stored outcome again. */
  @IsString()
  @Length(1, CommandLimits.requestId)
  @Matches(ID_PATTERN, { message: 'requestId may contain letters, digits and . _ : @ / - only' })
  requestId!: string;

  @IsString()
  @Length(1, CommandLimits.tenantId)
  @Matches(ID_PATTERN, { message: 'tenantId may contain letters, digits and . _ : @ / - only' })
  tenantId!: string;
}

/**
 * What a certificate is made of in an upload: PEM fields, or a PKCS#12 bundle instead of the certificate and
 * key. Shared by `certificate.create` / `.update` and the dry run (`certhub.inspect.validate`).
 */
export class CertificateMaterial extends CommandIdentity {
  /** PEM; may carry the chain after the leaf certificate. Required unless `pkcs12` is given. */
  @ValidateIf((material: CertificateMaterial) => material.pkcs12 === undefined)
  @IsString()
  @Length(1, CommandLimits.certificate)
  certificate?: string;

  /** PEM private key (PKCS#8, PKCS#1 or SEC1), encrypted only with `passphrase`. Required unless `pkcs12` is given. */
  @ValidateIf((material: CertificateMaterial) => material.pkcs12 === undefined)
  @IsString()
  @Length(1, CommandLimits.privateKey)
  privateKey?: string;

  /** PEM intermediates, leaf's issuer first. Empty string means none. */
  @IsOptional()
  @IsString()
  @MaxLength(CommandLimits.chain)
  chain?: string;

  @IsOptional()
  @IsString()
  @MaxLength(CommandLimits.chain)
  trustedRootCa?: string;

  /** A PKCS#12 (.pfx / .p12) bundle in base64, instead of `certificate` and `privateKey`. */
  @ValidateIf((material: CertificateMaterial) => material.pkcs12 !== undefined)
  @IsString()
  @Length(1, CommandLimits.pkcs12)
  @ValidateBy({
    name: 'pkcs12Alone',
    validator: {
      validate: (_value: unknown, args) => {
        const material = args?.object as CertificateMaterial;
        return material.certificate === undefined && material.privateKey === undefined;
      },
      defaultMessage: () => 'pkcs12 replaces certificate and privateKey: send either pkcs12 or the PEM fields',
    },
  })
  pkcs12?: string;

  /**
   * Opens an encrypted private key or the PKCS#12 bundle. Read by the parser only, once; never stored, logged
   * or passed on (it is not part of the content hash either).
   */
  @IsOptional()
  @IsString()
  @MaxLength(CommandLimits.passphrase)
  passphrase?: string;
}

/**
 * `certificate.create`: import a certificate and its private key for a tenant.
 * Published by the gateway or by any message-bus producer; see docs/events.md.
 */
export class CertificateCreateCommand extends CertificateMaterial {
  @IsOptional()
  @IsIn([COMMAND_SCHEMA_VERSION])
  schemaVersion?: number;

  @IsString()
  @Length(1, CommandLimits.name)
  name!: string;

  /** Dialect attributes stored verbatim and returned with the record. */
  @IsOptional()
  @IsStringRecord({ maxEntries: 16, maxKeyLength: 64, maxValueLength: 256 })
  labels?: Record<string, string>;

  /** Searchable key/value pairs, stored and returned with the record (certhub API `tags`). */
  @IsOptional()
  @IsStringRecord(TagLimits)
  tags?: Record<string, string>;

  /** Who produced the command, for logs and metrics only. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  source?: string;

  /**
   * Set by the gateway: its instance's outcome subject (gatewayOutcomesSubject), where storage also sends the
   * outcome. Not part of the content: a retry through another instance is the same request.
   */
  @IsOptional()
  @IsString()
  @Matches(GATEWAY_OUTCOMES_SUBJECT, { message: 'replyTo must be a gateway outcome subject' })
  replyTo?: string;
}

/** `certificate.update`: replace the certificate, key and name of an existing certificate of the tenant. */
export class CertificateUpdateCommand extends CertificateCreateCommand {
  @IsInt()
  @Min(1)
  certificateId!: number;
}

export type CertificateCommand = CertificateCreateCommand | CertificateUpdateCommand;
