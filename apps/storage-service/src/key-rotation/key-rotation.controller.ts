import { RewrapRequest, SealedListRequest, Subjects, validatePayload, type RewrapReply, type SealedListReply } from '@certhub/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SealedStore } from './sealed-store.service';

/** Request/reply for `npm run admin -- rotate-keks` (see docs/operations.md). */
@Controller()
export class KeyRotationController {
  constructor(private readonly sealed: SealedStore) {}

  @MessagePattern(Subjects.rpcSealedList)
  async list(@Payload() raw: unknown): Promise<SealedListReply> {
    // Checked before the look-up: a known kind, a KEK id and an id of the kind's shape, never an operator.
    const request = validatePayload(SealedListRequest, raw);
    if (!request.ok) return { entries: [], next: null, error: request.problems.join('; ') };
    return this.sealed.list(request.value);
  }

  @MessagePattern(Subjects.rpcSealedRewrap)
  async rewrap(@Payload() raw: unknown): Promise<RewrapReply> {
    // The contract refuses malformed envelopes and any change to the sealed value; the store then checks the data key.
    const request = validatePayload(RewrapRequest, raw);
    if (!request.ok) return { updated: false, error: request.problems.join('; ') };
    return this.sealed.rewrap(request.value);
  }
}
