import {
  answerMsgId,
  CerthubError,
  commandContentHash,
  lifecycleContentHash,
  Subjects,
  type CertificateCommand,
  type CertificateLifecycleCommand,
  type CertificateParsedEvent,
  type LifecycleOperation,
  type UploadOperation,
} from '@certhub/contracts';
import type { ParserConfig } from '@certhub/config';
import { sealPrivateKey } from '@certhub/key-envelope';
import { JETSTREAM, publishJson, TransientError } from '@certhub/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JetStreamClient } from 'nats';
import { PARSER_CONFIG } from '../app/parser-config.token';
import { uncheckedUpload } from '../certificates';
import { InspectionService } from '../inspection/inspection.service';
import type { DecodedCommand } from './command.decoder';

type Verdict = CertificateParsedEvent['verdict'];

/**
 * Checks one command and hands the verdict to the storage service. The clear private key stops here: it is
 * sealed with the active key-encryption key before anything is published.
 */
@Injectable()
export class CommandHandler {
  private readonly logger = new Logger(CommandHandler.name);

  constructor(
    @Inject(PARSER_CONFIG) private readonly config: ParserConfig,
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    private readonly inspection: InspectionService,
  ) {}

  /** `delivery` names the command message, so the hand-over is deduplicated per message, not per request id. */
  async handle(decoded: DecodedCommand, delivery: { readonly stream: string; readonly sequence: number }): Promise<void> {
    const event = !decoded.valid
      ? this.invalid(decoded)
      : decoded.operation === 'delete' || decoded.operation === 'rollback'
        ? passOn(decoded.operation, decoded.command as CertificateLifecycleCommand)
        : await this.inspect(decoded.operation, decoded.command as CertificateCommand);
    try {
      await publishJson(this.js, Subjects.pipelineParsed, event, { msgId: answerMsgId('parsed', delivery.stream, delivery.sequence) });
    } catch (error) {
      throw new TransientError(`hand-over to storage failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.logger.debug(`command ${delivery.stream}#${delivery.sequence} (request ${event.requestId}, tenant ${event.tenantId}): ${event.verdict.ok ? 'valid' : event.verdict.code}, handed to storage`);
  }

  private async inspect(operation: UploadOperation, command: CertificateCommand): Promise<CertificateParsedEvent> {
    let verdict: Verdict;
    try {
      const inspected = await this.inspection.inspect(command);
      const privateKey = sealPrivateKey(inspected.privateKeyPkcs8Der, command.tenantId, this.config.keyring.active);
      inspected.privateKeyPkcs8Der.fill(0);
      verdict = {
        ok: true,
        parsed: {
          certificatePem: inspected.certificatePem,
          chainPem: inspected.chainPem,
          trustedRootCaPem: inspected.trustedRootCaPem,
          metadata: inspected.metadata,
          chain: inspected.chain,
          privateKey,
        },
      };
    } catch (error) {
      verdict = this.failure(error, command.requestId);
    }
    return {
      requestId: command.requestId,
      tenantId: command.tenantId,
      operation,
      certificateId: 'certificateId' in command ? command.certificateId : null,
      name: command.name,
      labels: command.labels ?? {},
      // Only when sent: storage keeps a certificate's tags through an update that has none (a dialect's).
      ...(command.tags !== undefined && { tags: command.tags }),
      contentHash: commandContentHash(operation, command),
      ...(command.replyTo !== undefined && { replyTo: command.replyTo }),
      verdict,
    };
  }

  /** Inspection is deterministic, so retrying an unexpected error would only fail again: answer instead. */
  private failure(error: unknown, requestId: string): Verdict {
    if (error instanceof CerthubError) return { ok: false, code: error.code, message: error.message };
    this.logger.error(`inspecting request ${requestId} failed unexpectedly: ${error instanceof Error ? error.name : 'unknown'}`);
    const { code, message } = uncheckedUpload();
    return { ok: false, code, message };
  }

  private invalid(decoded: Extract<DecodedCommand, { valid: false }>): CertificateParsedEvent {
    return {
      requestId: decoded.requestId,
      tenantId: decoded.tenantId,
      operation: decoded.operation,
      certificateId: null,
      name: '',
      labels: {},
      contentHash: `invalid:${decoded.problems.join('; ')}`,
      verdict: {
        ok: false,
        code: decoded.code,
        message: decoded.code === 'FORBIDDEN'
          ? `Refused ${decoded.operation} command: ${decoded.problems.join('; ')}`
          : `Invalid ${decoded.operation} command: ${decoded.problems.join('; ')}`,
      },
    };
  }
}

/**
 * `delete` and `rollback` upload nothing to check or seal: they take the same path as every write (so they
 * are deduplicated, dead-lettered and answered the same way), and storage decides them.
 */
function passOn(operation: LifecycleOperation, command: CertificateLifecycleCommand): CertificateParsedEvent {
  return {
    requestId: command.requestId,
    tenantId: command.tenantId,
    operation,
    certificateId: command.certificateId,
    name: '',
    labels: {},
    contentHash: lifecycleContentHash(operation, command),
    ...(command.replyTo !== undefined && { replyTo: command.replyTo }),
    ...('version' in command && { version: command.version }),
    verdict: { ok: true, parsed: null },
  };
}
