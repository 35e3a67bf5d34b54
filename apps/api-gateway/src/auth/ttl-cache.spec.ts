import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  afterEach(() => jest.useRealTimers());

  it('returns a value until it expires', () => {
    jest.useFakeTimers({ now: 1_000 });
    const cache = new TtlCache<string, number | null>(10);
    cache.set('a', null, 500);
    expect(cache.get('a')).toBeNull();
    jest.setSystemTime(1_499);
    expect(cache.get('a')).toBeNull();
    jest.setSystemTime(1_500);
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const cache = new TtlCache<string, number>(2);
    cache.set('a', 1, 60_000);
    cache.set('b', 2, 60_000);
    cache.set('c', 3, 60_000);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
  });
});
