import { CerthubError, Subjects, type CertificateQueryReply, type CertificateQueryRequest } from '@certhub/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { STORAGE_RPC } from '../app/gateway-config.token';

/** Longer than the other RPCs: a page may take a while to sort on a large tenant. */
const RPC_TIMEOUT_MS = 5_000;

export type CertificateListResponse = Pick<CertificateQueryReply, 'certificates' | 'next'>;

/** Asks the storage service for one page of a tenant's certificates. */
@Injectable()
export class CertificateQueryRpc {
  constructor(@Inject(STORAGE_RPC) private readonly client: ClientProxy) {}

  async query(request: CertificateQueryRequest): Promise<CertificateListResponse> {
    let reply: CertificateQueryReply;
    try {
      reply = await firstValueFrom(
        this.client.send<CertificateQueryReply, CertificateQueryRequest>(Subjects.rpcCertificatesQuery, request).pipe(timeout(RPC_TIMEOUT_MS)),
      );
    } catch {
      throw new CerthubError('UNAVAILABLE', 'Certificates cannot be listed right now; retry later.');
    }
    // The gateway checked everything it can read; what storage still refuses is a cursor it did not issue.
    if (reply.error !== undefined) throw new CerthubError('INVALID_REQUEST', `${reply.error}.`);
    return { certificates: reply.certificates, next: reply.next };
  }
}
