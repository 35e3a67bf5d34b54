import { Double, Int32, Long, serialize } from 'bson';
import { retype } from '../bson/bson-values';
import { toStored } from './stored-doc';

describe('stored documents', () => {
  it('keeps one tree for a document without Double or Long, which serializes and retypes as the one received', () => {
    const typed = { _id: new Int32(7), revision: new Int32(1), at: new Date(5), meta: { size: new Int32(2048), names: ['a'] }, big: 2 ** 40 };
    const stored = toStored(typed);
    expect(stored.typed).toBe(stored.plain);
    expect(Buffer.compare(serialize(stored.typed), serialize(typed))).toBe(0);
    const next = { ...stored.plain, revision: 2, ratio: 0.5 };
    expect(Buffer.compare(serialize(retype(next, stored.typed) as object), serialize(retype(next, typed) as object))).toBe(0);
  });

  it('keeps the typed tree when a Double or Long would come back as another type', () => {
    for (const typed of [{ _id: 1, n: new Double(5) }, { _id: 1, list: [{ n: Long.fromNumber(3) }] }]) {
      const stored = toStored(typed);
      expect(stored.typed).toBe(typed);
      expect(Buffer.compare(serialize(stored.typed), serialize(typed))).toBe(0);
    }
  });

  it('keeps a `__proto__` key of a stored document a key', () => {
    const stored = toStored(JSON.parse('{"_id": 1, "__proto__": {"polluted": true}}') as Record<string, unknown>);
    expect(Object.getPrototypeOf(stored.plain)).toBe(Object.prototype);
    expect(Object.keys(stored.plain)).toEqual(['_id', '__proto__']);
  });
});
