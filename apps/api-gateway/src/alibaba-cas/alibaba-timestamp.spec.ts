import { checkFreshness, parseTimestamp } from './alibaba-timestamp';

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as { dialectCode?: string }).dialectCode;
  }
  return undefined;
};

describe('Alibaba Timestamp', () => {
  it('reads YYYY-MM-DDThh:mm:ssZ as UTC', () => {
    expect(parseTimestamp('2024-02-29T23:59:59Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
  });

  it.each(['2024-02-30T00:00:00Z', '2024-13-01T00:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01 00:00:00Z',
    '2024-01-01T00:00:00+08:00', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00', '1704067200'])(
    'refuses %s with InvalidTimeStamp.Format',
    (value) => expect(codeOf(() => parseTimestamp(value))).toBe('InvalidTimeStamp.Format'),
  );

  it('allows 15 minutes of clock difference either way, and no more', () => {
    const now = Date.UTC(2024, 0, 1, 12, 0, 0);
    expect(codeOf(() => checkFreshness(now - 15 * 60_000, now))).toBeUndefined();
    expect(codeOf(() => checkFreshness(now + 15 * 60_000, now))).toBeUndefined();
    expect(codeOf(() => checkFreshness(now - 15 * 60_000 - 1_000, now))).toBe('InvalidTimeStamp.Expired');
    expect(codeOf(() => checkFreshness(now + 15 * 60_000 + 1_000, now))).toBe('InvalidTimeStamp.Expired');
  });
});
