import {
  Subjects,
  type CredentialCreateReply,
  type CredentialCreateRequest,
  type CredentialResolveReply,
  type CredentialResolveRequest,
} from '@certhub/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CredentialStore } from './credential-store.service';
import { credentialCreateProblem, isCredentialResolveRequest } from './credential-requests';

/** Request/reply over core NATS: the admin command creates credentials, the gateway resolves them. */
@Controller()
export class CredentialsController {
  constructor(private readonly store: CredentialStore) {}

  @MessagePattern(Subjects.rpcCredentialCreate)
  async create(@Payload() request: CredentialCreateRequest): Promise<CredentialCreateReply> {
    const problem = credentialCreateProblem(request);
    if (problem) return { created: false, error: problem };
    const created = await this.store.create(request);
    return created ? { created } : { created, error: `credential ${request.id} already exists` };
  }

  @MessagePattern(Subjects.rpcCredentialResolve)
  async resolve(@Payload() request: CredentialResolveRequest): Promise<CredentialResolveReply> {
    if (!isCredentialResolveRequest(request)) return { credential: null };
    return { credential: await this.store.resolve(request) };
  }
}
