import type { CredentialCreateRequest, CredentialRecord, CredentialResolveRequest } from '@certhub/contracts';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKeyError, rethrowAsTransient } from '../database/mongo-errors';
import { Credential } from './schemas/credential.schema';

type StoredCredential = Credential & { createdAt: Date };

@Injectable()
export class CredentialStore {
  private indexed: Promise<unknown> | null = null;

  constructor(@InjectModel(Credential.name) private readonly credentials: Model<Credential>) {}

  /** False when the id or token is already taken: credentials are never overwritten. */
  async create(request: CredentialCreateRequest): Promise<boolean> {
    try {
      // The unique token index must exist before the first credential; creates are rare admin actions.
      this.indexed ??= this.credentials.createIndexes().catch((error: unknown) => {
        this.indexed = null;
        throw error;
      });
      await this.indexed;
      await this.credentials.create({
        _id: request.id,
        kind: request.kind,
        tenantId: request.tenantId,
        tokenHash: request.kind === 'token' ? request.tokenHash : null,
        sealedSecret: request.kind === 'access-key' ? request.sealedSecret : null,
        description: request.description,
      });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      return rethrowAsTransient(error);
    }
  }

  async resolve(request: CredentialResolveRequest): Promise<CredentialRecord | null> {
    const found = await (request.kind === 'token'
      ? this.credentials.findOne({ kind: 'token' as const, tokenHash: request.tokenHash })
      : this.credentials.findOne({ kind: 'access-key' as const, _id: request.id })).lean<StoredCredential>().exec();
    if (!found) return null;
    return {
      id: found._id,
      kind: found.kind,
      tenantId: found.tenantId,
      sealedSecret: found.sealedSecret,
      description: found.description,
      createdAt: found.createdAt.toISOString(),
    };
  }
}
