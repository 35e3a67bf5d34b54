import { Context, updateOne } from 'mingo';
import { clonePlain, type BsonDoc } from '../bson/bson-values';
import { MINGO_OPTIONS } from './mingo-options';
import { mingoUpdate, type MingoModifier, type MingoUpdateConfig } from './mingo-update';

const DOC: BsonDoc = {
  _id: 1,
  n: 5,
  name: 'a',
  tags: ['x', 'y', 'x'],
  items: [{ sku: 'p', qty: 2 }, { sku: 'q', qty: 9 }],
  grid: [[1, 2], [3]],
  meta: { size: 10 },
};

interface Case {
  readonly condition: BsonDoc;
  readonly modifier: MingoModifier;
  readonly arrayFilters?: BsonDoc[];
}

const CASES: Case[] = [
  { condition: { _id: 1 }, modifier: { $set: { name: 'b', 'meta.size': 11 }, $inc: { n: 2 } } },
  { condition: { _id: 1 }, modifier: { $set: { name: 'a' } } },
  { condition: { _id: 2 }, modifier: { $set: { name: 'b' } } },
  { condition: {}, modifier: { $unset: { meta: '' }, $rename: { name: 'label' } } },
  { condition: { 'items.sku': 'q' }, modifier: { $set: { 'items.$.qty': 0 } } },
  { condition: { items: { $elemMatch: { qty: { $gt: 5 } } } }, modifier: { $inc: { 'items.$.qty': 1 } } },
  { condition: {}, modifier: { $set: { 'items.$[big].qty': 100 } }, arrayFilters: [{ 'big.qty': { $gte: 5 } }] },
  { condition: {}, modifier: { $set: { 'items.$[].seen': true } } },
  { condition: {}, modifier: { $pull: { tags: 'x', items: { qty: { $lt: 5 } } } } },
  { condition: {}, modifier: { $pull: { items: { $or: [{ sku: 'p' }, { qty: { $in: [9] } }] } } } },
  { condition: {}, modifier: { $push: { tags: { $each: ['c', 'a'], $sort: 1, $slice: 3 } }, $addToSet: { grid: [3] } } },
  { condition: {}, modifier: { $pop: { tags: -1 }, $pullAll: { tags: ['y'] }, $min: { n: 1 }, $max: { 'meta.size': 50 } } },
  { condition: {}, modifier: { $mul: { n: 3 }, $bit: { n: { and: 4 } } } },
  { condition: { n: { $type: 'number' }, tags: { $all: ['x', 'y'] }, $nor: [{ name: 'z' }] }, modifier: { $set: { ok: 1 } } },
  // Only the default tables evaluate these; the update still comes out as mingo's default makes it.
  { condition: { $expr: { $gt: [{ $add: ['$n', 1] }, 5] } }, modifier: { $set: { ok: 1 } } },
  { condition: { $expr: { $gt: [{ $multiply: ['$n', 0] }, 5] } }, modifier: { $set: { ok: 1 } } },
  { condition: {}, modifier: { $pull: { items: { $expr: { $gt: [{ $add: ['$qty', 1] }, 5] } } } } },
  { condition: {}, modifier: [{ $set: { total: { $sum: '$items.qty' } } }, { $unset: 'grid' }] },
  // Mistakes: the error is mingo's default one.
  { condition: {}, modifier: { $set: { n: 1 }, $inc: { n: 1 } } },
  { condition: {}, modifier: { $bogus: { n: 1 } } as MingoModifier },
  { condition: { n: { $bogus: 1 } }, modifier: { $set: { n: 1 } } },
  { condition: {}, modifier: { $set: { 'items.$.qty': 1 } } },
  { condition: {}, modifier: { $set: { 'items.$[none].qty': 1 } } },
  { condition: { $where: 'true' }, modifier: { $set: { n: 1 } } },
];

describe('mingo updates', () => {
  it.each(CASES)('come out as from mingo updateOne: %j', ({ condition, modifier, arrayFilters }) => {
    const config: MingoUpdateConfig = { arrayFilters, cloneMode: 'deep' };
    expect(outcome(() => mingoUpdate(DOC, condition, modifier, config))).toEqual(outcome(() => byDefault(condition, modifier, config)));
  });

  it('leave the document they are given alone', () => {
    const before = clonePlain(DOC);
    mingoUpdate(DOC, {}, { $set: { 'meta.size': 1 }, $push: { tags: 'z' } }, { cloneMode: 'deep' });
    expect(DOC).toEqual(before);
  });

  it('copy no operator table for an operator-style update, and all of them for a pipeline', () => {
    const from = jest.spyOn(Context, 'from');
    try {
      mingoUpdate(DOC, { 'items.sku': 'q', n: { $gte: 1 } }, { $set: { 'items.$.qty': 0 }, $inc: { n: 1 } }, { cloneMode: 'deep' });
      expect(from).not.toHaveBeenCalled();
      mingoUpdate(DOC, {}, [{ $set: { m: 1 } }], { cloneMode: 'deep' });
      expect(from).toHaveBeenCalled(); // the spy sees mingo's default copy, so the line above means something
    } finally {
      from.mockRestore();
    }
  });
});

function byDefault(condition: BsonDoc, modifier: MingoModifier, config: MingoUpdateConfig): BsonDoc | undefined {
  const working = [clonePlain(DOC)];
  return updateOne(working, condition, modifier, config, MINGO_OPTIONS).modifiedCount === 0 ? undefined : working[0];
}

function outcome(update: () => BsonDoc | undefined): { readonly doc?: BsonDoc; readonly error?: string } {
  try {
    return { doc: update() };
  } catch (error) {
    return { error: String(error) };
  }
}
