import { CertificateMaterial, Subjects, validatePayload, type CertificateValidateReply } from '@certhub/contracts';
import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InspectionService } from '../inspection/inspection.service';

/**
 * `certhub.inspect.validate` (core request/reply, from the gateway only): the dry run of an upload. The same
 * checks as an import, on the same worker threads, with every problem reported; nothing is sealed, stored or
 * published, and the key and passphrase go no further than the worker that checked them.
 */
@Controller()
export class DryRunController {
  private readonly logger = new Logger(DryRunController.name);

  constructor(private readonly inspection: InspectionService) {}

  @MessagePattern(Subjects.inspectValidate)
  async validate(@Payload() raw: unknown): Promise<CertificateValidateReply> {
    const request = validatePayload(CertificateMaterial, raw);
    if (!request.ok) return { valid: false, problems: [], metadata: null, chain: [], error: request.problems.join('; ') };
    const reply = await this.inspection.validate(request.value);
    this.logger.debug(`dry run of request ${request.value.requestId} (tenant ${request.value.tenantId}): ${reply.problems.length} problem(s)`);
    return reply;
  }
}
