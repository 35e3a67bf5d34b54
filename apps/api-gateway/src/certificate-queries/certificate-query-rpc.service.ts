import { CerthubError, Subjects, type CertificateQueryReply, type CertificateQueryRequest } from '@certhub/contracts';
import { RpcClient } from '@certhub/messaging';
import { Injectable } from '@nestjs/common';

export type CertificateListResponse = Pick<CertificateQueryReply, 'certificates' | 'next'>;

/** Asks the storage service for one page of a tenant's certificates. */
@Injectable()
export class CertificateQueryRpc {
  constructor(private readonly rpc: RpcClient) {}

  async query(request: CertificateQueryRequest): Promise<CertificateListResponse> {
    let reply: CertificateQueryReply;
    try {
      // Longer than the default: a page may take a while to sort on a large tenant.
      reply = await this.rpc.rpc<CertificateQueryReply>(Subjects.rpcCertificatesQuery, request, { timeoutMs: 5_000 });
    } catch {
      throw new CerthubError('UNAVAILABLE', 'Certificates cannot be listed right now; retry later.');
    }
    // The gateway checked everything it can read; what storage still refuses is a cursor it did not issue.
    if (reply.error !== undefined) throw new CerthubError('INVALID_REQUEST', `${reply.error}.`);
    return { certificates: reply.certificates, next: reply.next };
  }
}
