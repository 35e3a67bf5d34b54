import { DAY_MS, daysLeft, expiryDecision, nextCheckAt } from './expiry-thresholds';

const THRESHOLDS = [1, 7, 14, 30];
const NOW = Date.parse('2030-01-01T00:00:00Z');
const inDays = (days: number) => NOW + days * DAY_MS;

describe('expiryDecision', () => {
  it('announces nothing before the largest threshold', () => {
    expect(expiryDecision(THRESHOLDS, inDays(60), NOW, [])).toEqual({ announce: null, mark: [] });
    expect(expiryDecision(THRESHOLDS, inDays(30) + 1, NOW, [])).toEqual({ announce: null, mark: [] });
  });

  it('counts a certificate exactly at a threshold as crossing it', () => {
    expect(expiryDecision(THRESHOLDS, inDays(30), NOW, [])).toEqual({ announce: 30, mark: [30] });
  });

  it('announces 30 days once, then 14 when that comes', () => {
    expect(expiryDecision(THRESHOLDS, inDays(20), NOW, [])).toEqual({ announce: 30, mark: [30] });
    expect(expiryDecision(THRESHOLDS, inDays(20), NOW, [30])).toEqual({ announce: null, mark: [] });
    expect(expiryDecision(THRESHOLDS, inDays(13), NOW, [30])).toEqual({ announce: 14, mark: [14] });
  });

  it('announces only the smallest of several thresholds crossed at once and records them all', () => {
    expect(expiryDecision(THRESHOLDS, inDays(5), NOW, [])).toEqual({ announce: 7, mark: [7, 14, 30] });
    expect(expiryDecision(THRESHOLDS, inDays(0.5), NOW, [30])).toEqual({ announce: 1, mark: [1, 7, 14] });
  });

  it('records a threshold added later without announcing it once a smaller one was announced', () => {
    expect(expiryDecision([1, 7, 14, 30, 60], inDays(5), NOW, [7, 14, 30])).toEqual({ announce: null, mark: [60] });
  });

  it('leaves expired certificates alone', () => {
    expect(expiryDecision(THRESHOLDS, NOW, NOW, [])).toEqual({ announce: null, mark: [] });
    expect(expiryDecision(THRESHOLDS, inDays(-3), NOW, [])).toEqual({ announce: null, mark: [] });
  });

  it('does not depend on the order thresholds are given in', () => {
    expect(expiryDecision([30, 14, 7, 1], inDays(5), NOW, [])).toEqual({ announce: 7, mark: [7, 14, 30] });
  });
});

describe('daysLeft', () => {
  it('counts whole days, rounded down', () => {
    expect(daysLeft(inDays(5), NOW)).toBe(5);
    expect(daysLeft(inDays(5) - 1, NOW)).toBe(4);
    expect(daysLeft(inDays(0.2), NOW)).toBe(0);
  });
});

describe('nextCheckAt', () => {
  it('is the crossing of the largest threshold not yet recorded', () => {
    expect(nextCheckAt(THRESHOLDS, inDays(60), NOW, [])).toBe(inDays(30));
    expect(nextCheckAt(THRESHOLDS, inDays(20), NOW, [30])).toBe(inDays(6));
    expect(nextCheckAt(THRESHOLDS, inDays(5), NOW, [7, 14, 30])).toBe(inDays(4));
  });

  it('lies in the future once a scan recorded what the certificate crossed', () => {
    for (const days of [0.5, 3, 7, 13, 29, 30, 45]) {
      const decision = expiryDecision(THRESHOLDS, inDays(days), NOW, []);
      const next = nextCheckAt(THRESHOLDS, inDays(days), NOW, decision.mark);
      expect({ days, future: next === null || next > NOW }).toEqual({ days, future: true });
    }
  });

  it('is due at once for a threshold added to the configuration after larger ones were crossed', () => {
    expect(nextCheckAt([1, 7, 14, 30, 60], inDays(45), NOW, [])).toBe(inDays(-15));
  });

  it('is null when everything is recorded or the certificate has expired', () => {
    expect(nextCheckAt(THRESHOLDS, inDays(0.5), NOW, [1, 7, 14, 30])).toBeNull();
    expect(nextCheckAt(THRESHOLDS, inDays(-1), NOW, [])).toBeNull();
    expect(nextCheckAt(THRESHOLDS, NOW, NOW, [])).toBeNull();
  });
});
