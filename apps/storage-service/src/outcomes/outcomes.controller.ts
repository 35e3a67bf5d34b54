import { Subjects, type OutcomeQuery, type OutcomeQueryReply } from '@certhub/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OutcomeStore } from './outcome-store.service';

/** Request/reply over core NATS: lets the gateway answer a retried request from the stored outcome. */
@Controller()
export class OutcomesController {
  constructor(private readonly outcomes: OutcomeStore) {}

  @MessagePattern(Subjects.rpcOutcomeGet)
  async get(@Payload() query: OutcomeQuery): Promise<OutcomeQueryReply> {
    if (typeof query?.tenantId !== 'string' || typeof query?.requestId !== 'string') {
      return { outcome: null, contentHash: null };
    }
    const stored = await this.outcomes.find(query.tenantId, query.requestId);
    return { outcome: stored?.outcome ?? null, contentHash: stored?.contentHash ?? null };
  }
}
