import { OUTCOME_RETENTION_MIN_HOURS } from '@certhub/config';
import { STREAM_MAX_AGE_MS } from '@certhub/messaging';

describe('idempotency record retention', () => {
  it('outlives the longest a command can wait on the bus before storage sees it', () => {
    // A second copy of a command can sit in CERTHUB_COMMANDS, then in CERTHUB_PIPELINE, each up to its max_age.
    const longestWait = STREAM_MAX_AGE_MS.commands + STREAM_MAX_AGE_MS.pipeline;
    expect(OUTCOME_RETENTION_MIN_HOURS * 3_600_000).toBeGreaterThanOrEqual(longestWait);
  });
});
