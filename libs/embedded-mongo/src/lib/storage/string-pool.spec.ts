import { StringPool } from './string-pool';

describe('StringPool', () => {
  it('answers every string with an equal one', () => {
    const pool = new StringPool(8, 4);
    for (const value of ['create', 'create', 'x'.repeat(9), '', 'RSA']) expect(pool.share(value)).toBe(value);
  });

  it('keeps only short strings', () => {
    const pool = new StringPool(8, 4);
    pool.share('-----BEGIN CERTIFICATE-----');
    pool.share('12345678');
    expect(pool.size).toBe(1);
  });

  it('never holds more than its capacity, however many distinct values pass', () => {
    const pool = new StringPool(64, 100);
    for (let i = 0; i < 10_000; i++) {
      pool.share(`request-${i}`);
      expect(pool.size).toBeLessThanOrEqual(100);
    }
  });

  it('holds a value once however often it comes', () => {
    const pool = new StringPool(64, 100);
    for (let i = 0; i < 50; i++) pool.share(`tenant-${i % 5}`);
    expect(pool.size).toBe(5);
  });
});
