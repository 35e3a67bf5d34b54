import { OutcomeQuery } from '../events/outcome-query';
import { MAX_PAYLOAD_DEPTH, nestsDeeperThan } from './payload-depth';
import { validatePayload } from './validate-payload';

/** `levels` objects inside one another, as one NATS message can carry by the hundred thousand. */
function nested(levels: number): unknown {
  return JSON.parse(`${'{"a":'.repeat(levels)}0${'}'.repeat(levels)}`);
}

describe('payload nesting', () => {
  it('measures objects and arrays alike', () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan({ a: [[[0]]] }, 3)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
  });

  it('refuses a deeply nested unknown field with a problem, instead of overflowing the stack', () => {
    const raw = { tenantId: 'team-a', requestId: 'r-1', extra: nested(100_000) };
    expect(validatePayload(OutcomeQuery, raw)).toEqual({ ok: false, problems: [`payload nests deeper than ${MAX_PAYLOAD_DEPTH} levels`] });
  });

  it('lets ordinary payloads through', () => {
    expect(validatePayload(OutcomeQuery, { tenantId: 'team-a', requestId: 'r-1', extra: nested(5) }).ok).toBe(true);
  });
});
