import { Binary, Double, Int32, Long, ObjectId } from 'bson';
import { retype, toPlain, withIdFirst } from './bson-values';
import { MISSING, valuesAtPath } from './document-paths';
import { encodeKey } from './key-encoding';
import { formatShell } from './shell-format';

describe('bson helpers', () => {
  it('encodes index keys with MongoDB equality: numbers by value, missing as null, field order significant', () => {
    expect(encodeKey(toPlain(new Int32(1)))).toBe(encodeKey(toPlain(new Double(1))));
    expect(encodeKey(toPlain(Long.fromNumber(1)))).toBe(encodeKey(1));
    expect(encodeKey(MISSING)).toBe(encodeKey(null));
    expect(encodeKey('1')).not.toBe(encodeKey(1));
    expect(encodeKey({ a: 1, b: 2 })).not.toBe(encodeKey({ b: 2, a: 1 }));
    expect(encodeKey(new Binary(Buffer.from([1]), 0))).not.toBe(encodeKey(new Binary(Buffer.from([1]), 4)));
    expect([encodeKey('a|b'), encodeKey('a')].join('|')).not.toBe([encodeKey('a'), encodeKey('b|a')].join('|'));
  });

  it('prints values the way mongod does in duplicate-key messages', () => {
    const id = new ObjectId('65a1b2c3d4e5f60718293a4b');
    expect(formatShell({ _id: id, name: 'x "y"', n: 1.5, none: null, at: new Date(5), list: [1], sub: {} })).toBe(
      `{ _id: ObjectId('65a1b2c3d4e5f60718293a4b'), name: "x \\"y\\"", n: 1.5, none: null, at: new Date(5), list: [ 1 ], sub: {} }`,
    );
    expect(formatShell(new Binary(Buffer.from([0xab, 1]), 0))).toBe('BinData(0, AB01)');
  });

  it('fans index paths out over arrays (multikey) and marks absent fields', () => {
    const doc = { a: [{ b: 1 }, { b: 2 }, { c: 3 }], e: [], n: null };
    expect(valuesAtPath(doc, 'a.b')).toEqual({ values: [1, 2], multikey: true });
    expect(valuesAtPath(doc, 'e')).toEqual({ values: [undefined], multikey: true });
    expect(valuesAtPath(doc, 'x.y')).toEqual({ values: [MISSING], multikey: false });
    expect(valuesAtPath(doc, 'n')).toEqual({ values: [null], multikey: false });
  });

  it('restores numeric BSON types after an update from the document it came from', () => {
    const before = { _id: new Int32(1), l: Long.fromNumber(2), d: new Double(3), i: new Int32(4), arr: [new Double(1)] };
    const after = retype({ _id: 1, l: 3, d: 4, i: 5.5, arr: [2, 3], fresh: 6 }, before);
    expect(after).toEqual({ _id: 1, l: Long.fromNumber(3), d: new Double(4), i: 5.5, arr: [new Double(2), 3], fresh: 6 });
    expect(Object.keys(withIdFirst({ a: 1, _id: 2 }))).toEqual(['_id', 'a']);
  });
});
