import { Subjects, type RewrapReply, type SealedListReply } from '@certhub/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { isSealedListRequest, readRewrapRequest } from './rotation-requests';
import { SealedStore } from './sealed-store.service';

/** Request/reply for `npm run admin -- rotate-keks` (see docs/operations.md). */
@Controller()
export class KeyRotationController {
  constructor(private readonly sealed: SealedStore) {}

  @MessagePattern(Subjects.rpcSealedList)
  async list(@Payload() request: unknown): Promise<SealedListReply> {
    if (!isSealedListRequest(request)) return { entries: [] };
    return { entries: await this.sealed.list(request.kind, request.notKekId, request.after, request.limit) };
  }

  @MessagePattern(Subjects.rpcSealedRewrap)
  async rewrap(@Payload() payload: unknown): Promise<RewrapReply> {
    const request = readRewrapRequest(payload);
    if (typeof request === 'string') return { updated: false, error: request };
    return { updated: await this.sealed.replace(request.kind, request.id, request.expected, request.replacement) };
  }
}
