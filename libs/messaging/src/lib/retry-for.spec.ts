import { retryFor } from './retry-for';

describe('retryFor', () => {
  const quiet = { warn: jest.fn() };

  it('returns the first success, after logging each failure', async () => {
    let calls = 0;
    const result = await retryFor(10_000, quiet, 'creating streams', async () => {
      calls += 1;
      if (calls < 3) throw new Error(`not yet ${calls}`);
      return 'done';
    });
    expect({ result, calls }).toEqual({ result: 'done', calls: 3 });
    expect(quiet.warn).toHaveBeenCalledWith(expect.stringContaining('creating streams failed (Error: not yet 1)'));
  });

  it('gives up with the last failure once its budget is spent', async () => {
    let calls = 0;
    await expect(
      retryFor(300, quiet, 'x', async () => {
        calls += 1;
        throw new Error(`failure ${calls}`);
      }),
    ).rejects.toThrow(/failure \d/);
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
