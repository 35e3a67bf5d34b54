import {
  CerthubError,
  hashToken,
  Subjects,
  type CredentialRecord,
  type CredentialResolveReply,
  type CredentialResolveRequest,
} from '@certhub/contracts';
import { openCredentialSecret } from '@certhub/key-envelope';
import type { GatewayConfig } from '@certhub/config';
import { Inject, Injectable } from '@nestjs/common';
import { RpcClient } from '@certhub/messaging';
import { GATEWAY_CONFIG } from '../app/gateway-config.token';
import { TtlCache } from './ttl-cache';

/** A revoked credential keeps working for at most this long on a running gateway. */
const FOUND_TTL_MS = 30_000;
/** Short, so a credential created a moment ago is usable almost at once. */
const MISSING_TTL_MS = 2_000;

export interface AccessKey {
  readonly tenantId: string;
  readonly secret: string;
}

/** Who a token or AccessKey belongs to, asked of the storage service and cached briefly. */
@Injectable()
export class CredentialResolver {
  private readonly cache = new TtlCache<string, CredentialRecord | null>(10_000);

  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** The tenant a bearer token acts for, or null for an unknown token. */
  async tenantOfToken(token: string): Promise<string | null> {
    const credential = await this.resolve({ kind: 'token', tokenHash: hashToken(token) });
    return credential?.tenantId ?? null;
  }

  /** The tenant and clear secret of an AccessKey, or null for an unknown AccessKeyId. */
  async accessKey(accessKeyId: string): Promise<AccessKey | null> {
    const credential = await this.resolve({ kind: 'access-key', id: accessKeyId });
    if (!credential?.sealedSecret) return null;
    const keyring = this.config.keyring;
    if (!keyring) throw new CerthubError('UNAVAILABLE', 'AccessKey signatures cannot be checked: CERTHUB_KEKS is not configured.');
    const secret = openCredentialSecret(credential.sealedSecret, credential.id, keyring.byId);
    return { tenantId: credential.tenantId, secret: secret.toString('utf8') };
  }

  private async resolve(request: CredentialResolveRequest): Promise<CredentialRecord | null> {
    const key = request.kind === 'token' ? `t:${request.tokenHash}` : `a:${request.id}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let reply: CredentialResolveReply;
    try {
      reply = await this.rpc.rpc<CredentialResolveReply>(Subjects.rpcCredentialResolve, request);
    } catch {
      throw new CerthubError('UNAVAILABLE', 'Credentials cannot be checked right now; retry later.');
    }
    this.cache.set(key, reply.credential, reply.credential ? FOUND_TTL_MS : MISSING_TTL_MS);
    return reply.credential;
  }
}
