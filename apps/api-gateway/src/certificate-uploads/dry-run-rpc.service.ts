import { CerthubError, Subjects, type CertificateMaterial, type CertificateValidateReply } from '@certhub/contracts';
import { RpcClient } from '@certhub/messaging';
import { Injectable } from '@nestjs/common';

/** Long enough for a bundle with many key-derivation iterations on a busy parser. */
const DRY_RUN_TIMEOUT_MS = 15_000;

export type DryRunResponse = Omit<CertificateValidateReply, 'error'>;

/** Asks the parser (the only service that reads certificates) to check an upload without importing it. */
@Injectable()
export class DryRunRpc {
  constructor(private readonly rpc: RpcClient) {}

  async validate(material: CertificateMaterial): Promise<DryRunResponse> {
    let reply: CertificateValidateReply;
    try {
      reply = await this.rpc.rpc<CertificateValidateReply>(Subjects.inspectValidate, material, { timeoutMs: DRY_RUN_TIMEOUT_MS });
    } catch {
      throw new CerthubError('UNAVAILABLE', 'The upload cannot be checked right now; retry later.');
    }
    // The gateway checked the shape already; a refusal here is a contract mismatch between versions.
    if (reply.error !== undefined) throw new CerthubError('INVALID_REQUEST', `${reply.error}.`);
    return { valid: reply.valid, problems: reply.problems, metadata: reply.metadata, chain: reply.chain };
  }
}
