import { Context, Query } from 'mingo';
import type { BsonDoc } from '../bson/bson-values';
import { MINGO_OPTIONS } from './mingo-options';
import { mingoQuery } from './mingo-query';

/** What each query is checked against; every filter matches some of them and misses others. */
const DOCS = [
  { _id: 1, n: 5, tags: ['a', 'b'], items: [{ sku: 'x', qty: 2 }, { sku: 'y', qty: 9 }], at: new Date(1000) },
  { _id: 2, n: 12, tags: ['c'], items: [{ sku: 'x', qty: 11 }], nested: { deep: [[1, 2], [3]] } },
  { _id: 3, n: null, tags: [], items: [], at: new Date(5000) },
  { _id: 4, tags: 'a', nested: { deep: 3 } },
];

const FILTERS: BsonDoc[] = [
  { n: 5 },
  { n: { $eq: null } },
  { tags: 'a' },
  { tags: ['a', 'b'] },
  { tags: { $in: ['c', 'a'] } },
  { tags: { $size: 0 } },
  { tags: { $all: ['a', 'b'] } },
  { n: { $gt: 4, $lte: 12 } },
  { at: { $gte: new Date(2000) } },
  { n: { $exists: false } },
  { nested: { $exists: true } },
  { 'nested.deep': 3 },
  { items: { $elemMatch: { sku: 'x', qty: { $gt: 5 } } } },
  { 'items.qty': { $gt: 10 } },
  { $or: [{ n: 5 }, { tags: 'c' }] },
  { $nor: [{ n: { $type: 'number' } }] },
  { n: { $not: { $gt: 6 } } },
  { $expr: { $gt: [{ $size: { $ifNull: ['$items', []] } }, 1] } },
  { $expr: { $lt: ['$n', '$_id'] } },
  { _id: { $mod: [2, 0] } },
];

describe('mingo queries over the shared operator context', () => {
  it.each(FILTERS)('match what mingo matches by default: %j', (filter) => {
    const byDefault = new Query(filter, MINGO_OPTIONS);
    const shared = mingoQuery(filter);
    expect(DOCS.map((doc) => shared.test(doc))).toEqual(DOCS.map((doc) => byDefault.test(doc)));
  });

  it('project and sort as mingo does by default', () => {
    const filter = { 'items.sku': 'x' };
    const projection = { 'items.$': 1, n: 1 };
    expect(mingoQuery(filter).find(DOCS, projection).sort({ n: -1 }).all())
      .toEqual(new Query(filter, MINGO_OPTIONS).find(DOCS, projection).sort({ n: -1 }).all());
  });

  it('rejects what mingo rejects, with the same message', () => {
    for (const filter of [{ $where: 'true' }, { n: { $bogus: 1 } }, { $bogus: [] }]) {
      expect(() => mingoQuery(filter)).toThrow(messageOf(() => new Query(filter, MINGO_OPTIONS)));
    }
  });

  it('does not copy the operator tables per query', () => {
    const init = jest.spyOn(Context, 'init');
    try {
      mingoQuery({ n: { $gt: 1 } }).test(DOCS[0]);
      expect(init).not.toHaveBeenCalled();
      new Query({ n: { $gt: 1 } }, MINGO_OPTIONS);
      expect(init).toHaveBeenCalled(); // the spy sees mingo's own copy, so the line above means something
    } finally {
      init.mockRestore();
    }
  });

  it('reads $$NOW when evaluated, as mingo does, never frozen in the shared options', () => {
    const now = jest.spyOn(Date, 'now');
    try {
      const filter = { $expr: { $lt: ['$at', '$$NOW'] } };
      now.mockReturnValue(3000);
      const early = mingoQuery(filter);
      const earlyByDefault = new Query(filter, MINGO_OPTIONS);
      expect(DOCS.map((doc) => early.test(doc))).toEqual([true, false, false, false]);
      now.mockReturnValue(6000);
      expect(DOCS.map((doc) => mingoQuery(filter).test(doc))).toEqual([true, false, true, false]);
      expect(DOCS.map((doc) => early.test(doc))).toEqual(DOCS.map((doc) => earlyByDefault.test(doc)));
    } finally {
      now.mockRestore();
    }
  });
});

function messageOf(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('mingo accepted a filter this spec expects it to reject');
}
