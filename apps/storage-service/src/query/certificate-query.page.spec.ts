import 'reflect-metadata';
import { jsonBytes, RPC_REPLY_BUDGET_BYTES } from '@certhub/contracts';
import { certificateQueryPage } from './certificate-query.page';
import type { SummarizedCertificate } from './certificate-summary.mapper';
import { decodeCursor } from './query-cursor';

/** A stored certificate as the listing reads it, with `hostnames` names to make it as large as needed. */
function stored(id: number, hostnames = 1): SummarizedCertificate {
  return {
    _id: id,
    uid: id.toString(16).padStart(32, '0'),
    name: `cert-${id}`,
    hostnames: Array.from({ length: hostnames }, (_, index) => `host-${index}.tenant-${id}.example.com`),
    notAfter: new Date(Date.UTC(2030, 0, 1) + id * 60_000),
    labels: {},
    metadata: { notBefore: new Date('2025-01-01T00:00:00Z').toISOString(), commonName: `cert-${id}.example.com` },
  } as unknown as SummarizedCertificate;
}

const docs = (count: number, hostnames = 1) => Array.from({ length: count }, (_, index) => stored(index + 1, hostnames));

describe('certificateQueryPage', () => {
  it('returns every certificate and no cursor when all fit', () => {
    const reply = certificateQueryPage(docs(3), 3);
    expect(reply.certificates.map((certificate) => certificate.id)).toEqual([1, 2, 3]);
    expect(reply.next).toBeNull();
  });

  it('cuts at the limit and points after the last certificate shown', () => {
    const found = docs(4);
    const reply = certificateQueryPage(found, 3);
    expect(reply.certificates).toHaveLength(3);
    expect(decodeCursor(reply.next ?? '')).toEqual({ notAfter: found[2]?.notAfter, id: 3 });
  });

  it('cuts by size before the limit, and the cursor continues exactly where the page stopped', () => {
    // About 40 KB a certificate: a thousand of them would be 40 MB, far past NATS max_payload.
    const found = docs(1_001, 1_000);
    const reply = certificateQueryPage(found, 1_000);
    expect(reply.certificates.length).toBeGreaterThan(1);
    expect(reply.certificates.length).toBeLessThan(20);
    expect(jsonBytes(reply)).toBeLessThanOrEqual(RPC_REPLY_BUDGET_BYTES);
    const shown = reply.certificates.length;
    expect(decodeCursor(reply.next ?? '')).toEqual({ notAfter: found[shown - 1]?.notAfter, id: shown });
  });

  it('honours a smaller budget, and never returns an empty page while certificates remain', () => {
    const found = docs(5);
    const oneCertificate = jsonBytes(certificateQueryPage(found.slice(0, 1), 1).certificates[0]);
    expect(certificateQueryPage(found, 5, 300 + 2 * oneCertificate).certificates).toHaveLength(2);
    expect(certificateQueryPage(found, 5, 10).certificates).toHaveLength(1);
    expect(certificateQueryPage(found, 5, 10).next).not.toBeNull();
  });
});
