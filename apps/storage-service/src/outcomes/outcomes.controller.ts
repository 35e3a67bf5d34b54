import { OutcomeQuery, Subjects, validatePayload, type OutcomeQueryReply } from '@certhub/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OutcomeStore } from './outcome-store.service';

/** Request/reply over core NATS: lets the gateway answer a retried request from the stored outcome. */
@Controller()
export class OutcomesController {
  constructor(private readonly outcomes: OutcomeStore) {}

  @MessagePattern(Subjects.rpcOutcomeGet)
  async get(@Payload() raw: unknown): Promise<OutcomeQueryReply> {
    // Checked before the look-up: only two bounded strings ever reach the filter, never an operator object.
    const query = validatePayload(OutcomeQuery, raw);
    if (!query.ok) return { outcome: null, contentHash: null, error: query.problems.join('; ') };
    const stored = await this.outcomes.find(query.value.tenantId, query.value.requestId);
    return { outcome: stored?.outcome ?? null, contentHash: stored?.contentHash ?? null };
  }
}
