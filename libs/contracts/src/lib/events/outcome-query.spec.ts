import { validatePayload } from '../validation/validate-payload';
import { OutcomeQuery } from './outcome-query';

const problemsOf = (raw: unknown): string => {
  const result = validatePayload(OutcomeQuery, raw);
  return result.ok ? '' : result.problems.join('; ');
};

describe('OutcomeQuery', () => {
  it('accepts the identity of a command', () => {
    expect(problemsOf({ tenantId: 'team-a', requestId: '7f1c-2b' })).toBe('');
  });

  it.each([
    [{ tenantId: 'team-a' }, 'requestId must be a string'],
    [{ tenantId: { $ne: null }, requestId: 'r' }, 'tenantId must be a string'],
    [{ tenantId: 'team-a', requestId: { $gt: '' } }, 'requestId must be a string'],
    [{ tenantId: 'team-a', requestId: 'x'.repeat(129) }, 'requestId must be shorter than or equal to 128'],
    [{ tenantId: 'team a', requestId: 'r' }, 'tenantId may contain'],
    [[], 'payload must be a JSON object'],
  ])('refuses %j', (raw, problem) => expect(problemsOf(raw)).toContain(problem));
});
