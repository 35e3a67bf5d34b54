import {
  CerthubError,
  Subjects,
  type CertificateGetReply,
  type CertificateQueryReply,
  type CertificateQueryRequest,
  type CertificateRecord,
  type CertificateVersionsReply,
  type CertificateVersionSummary,
} from '@certhub/contracts';
import { RpcClient } from '@certhub/messaging';
import { Injectable } from '@nestjs/common';

export type CertificateListResponse = Pick<CertificateQueryReply, 'certificates' | 'next'>;

export interface CertificateVersionsResponse {
  readonly certificateId: number;
  readonly currentVersion: number;
  readonly versions: readonly CertificateVersionSummary[];
}

/** Asks the storage service for one of a tenant's certificates, or for a page of them. */
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

  async get(tenantId: string, id: number): Promise<CertificateRecord> {
    let reply: CertificateGetReply;
    try {
      reply = await this.rpc.rpc<CertificateGetReply>(Subjects.rpcCertificateGet, { tenantId, id });
    } catch {
      throw new CerthubError('UNAVAILABLE', 'The certificate cannot be read right now; retry later.');
    }
    if (reply.error !== undefined) throw new CerthubError('INVALID_REQUEST', `${reply.error}.`);
    // Another tenant's certificate is answered like a missing one: nothing tells it exists.
    if (reply.certificate === null) throw new CerthubError('NOT_FOUND', `Certificate ${id} does not exist.`);
    return reply.certificate;
  }

  async versions(tenantId: string, id: number): Promise<CertificateVersionsResponse> {
    let reply: CertificateVersionsReply;
    try {
      reply = await this.rpc.rpc<CertificateVersionsReply>(Subjects.rpcCertificateVersions, { tenantId, id });
    } catch {
      throw new CerthubError('UNAVAILABLE', 'The versions cannot be read right now; retry later.');
    }
    if (reply.error !== undefined) throw new CerthubError('INVALID_REQUEST', `${reply.error}.`);
    // Deleted, another tenant's or never used: one answer for all.
    if (reply.versions === null) throw new CerthubError('NOT_FOUND', `Certificate ${id} does not exist.`);
    return { certificateId: reply.versions.certificateId, currentVersion: reply.versions.currentVersion, versions: reply.versions.items };
  }
}
