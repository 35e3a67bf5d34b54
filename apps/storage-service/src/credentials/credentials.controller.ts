import { readCredentialResolveRequest, Subjects, type CredentialCreateReply, type CredentialResolveReply } from '@certhub/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CredentialStore } from './credential-store.service';
import { readCredentialCreate } from './credential-requests';

/** Request/reply over core NATS: the admin command creates credentials, the gateway resolves them. */
@Controller()
export class CredentialsController {
  constructor(private readonly store: CredentialStore) {}

  @MessagePattern(Subjects.rpcCredentialCreate)
  async create(@Payload() raw: unknown): Promise<CredentialCreateReply> {
    const request = readCredentialCreate(raw);
    if (!request.ok) return { created: false, error: request.problems.join('; ') };
    const created = await this.store.create(request.value);
    return created ? { created } : { created, error: `credential ${request.value.id} already exists` };
  }

  @MessagePattern(Subjects.rpcCredentialResolve)
  async resolve(@Payload() raw: unknown): Promise<CredentialResolveReply> {
    // Checked before the look-up: a token hash or an AccessKeyId of their exact shape, never an operator.
    const request = readCredentialResolveRequest(raw);
    if (!request.ok) return { credential: null, error: request.problems.join('; ') };
    return { credential: await this.store.resolve(request.value) };
  }
}
