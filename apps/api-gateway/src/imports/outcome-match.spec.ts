import type { CertificateOutcomeEvent } from '@certhub/contracts';
import { answersWaiter } from './outcome-match';

const base = { requestId: 'k', tenantId: 't', operation: 'create' as const, decidedAt: '2026-01-01T00:00:00Z' };
const created = (contentHash?: string): CertificateOutcomeEvent =>
  ({ ...base, outcome: 'created', certificate: {} as never, ...(contentHash ? { contentHash } : {}) });
const reused = (contentHash: string): CertificateOutcomeEvent =>
  ({ ...base, outcome: 'rejected', code: 'IDEMPOTENCY_KEY_REUSED', message: 'reused', contentHash });

describe('which outcome settles which waiting request', () => {
  it('settles the request whose content it answers', () => {
    expect(answersWaiter(created('A'), 'A')).toBe(true);
    expect(answersWaiter(reused('B'), 'B')).toBe(true);
  });

  it('settles a request with other content as a reused key once the key is decided', () => {
    expect(answersWaiter(created('A'), 'B')).toBe(true);
  });

  it('leaves the other request\'s refusal to that request', () => {
    expect(answersWaiter(reused('B'), 'A')).toBe(false);
  });

  it('accepts outcomes without a hash, as stored before hashes travelled', () => {
    expect(answersWaiter(created(), 'A')).toBe(true);
  });
});
