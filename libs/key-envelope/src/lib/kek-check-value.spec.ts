import { randomBytes } from 'node:crypto';
import { kekCheckValue } from './kek-check-value';

describe('kekCheckValue', () => {
  it('is the same for the same key, whatever its id, and differs for another key', () => {
    const key = randomBytes(32);
    expect(kekCheckValue({ id: 'k1', key })).toBe(kekCheckValue({ id: 'k2', key: Buffer.from(key) }));
    expect(kekCheckValue({ id: 'k1', key })).not.toBe(kekCheckValue({ id: 'k1', key: randomBytes(32) }));
    expect(kekCheckValue({ id: 'k1', key })).toMatch(/^[0-9a-f]{32}$/);
  });
});
