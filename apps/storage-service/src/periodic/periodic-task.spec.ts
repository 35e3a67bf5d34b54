import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs at start, then after the delay each round returns, never two rounds at once', async () => {
    const rounds: number[] = [];
    let active = 0;
    let overlapped = false;
    const task = new PeriodicTask(async () => {
      active += 1;
      overlapped ||= active > 1;
      rounds.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 500));
      active -= 1;
      return 1_000;
    });
    const start = Date.now();
    task.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(rounds).toEqual([start]);
    // The next round is counted from the end of this one (500 ms), not from its start.
    await jest.advanceTimersByTimeAsync(1_499);
    expect(rounds).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(rounds).toEqual([start, start + 1_500]);
    expect(overlapped).toBe(false);
    const stopped = task.stop();
    await jest.advanceTimersByTimeAsync(500);
    await stopped;
  });

  it('waits for a round in progress on stop, and starts none after it', async () => {
    let finished = 0;
    let started = 0;
    const task = new PeriodicTask(async () => {
      started += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
      finished += 1;
      return 10;
    });
    task.start();
    await jest.advanceTimersByTimeAsync(0);
    const stopped = task.stop();
    await jest.advanceTimersByTimeAsync(100);
    await stopped;
    expect(finished).toBe(1);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(started).toBe(1);
  });
});
