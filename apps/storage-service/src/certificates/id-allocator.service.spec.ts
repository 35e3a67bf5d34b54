import { IdAllocator } from './id-allocator.service';
import type { Counter } from './schemas/counter.schema';
import { useStorageDatabase } from '../storage-database.spec-support';

describe('IdAllocator (on a MongoDB-protocol server)', () => {
  const database = useStorageDatabase();
  const counterOf = async (sequence: string) => (await database.counters.findById(sequence).lean<Counter>().exec())?.seq;

  it('takes one id per counter update with blocks of 1', async () => {
    const ids = new IdAllocator(database.counters, 1);
    expect([await ids.next('single'), await ids.next('single'), await ids.next('single')]).toEqual([1, 2, 3]);
    expect(await counterOf('single')).toBe(3);
  });

  it('hands out a block from memory: 25 concurrent creates cost 3 counter updates of 10, and no id twice', async () => {
    const ids = new IdAllocator(database.counters, 10);
    const taken = await Promise.all(Array.from({ length: 25 }, () => ids.next('blocks')));
    expect(new Set(taken).size).toBe(25);
    expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    // The counter names the end of the last block reserved: three blocks, the last one half used.
    expect(await counterOf('blocks')).toBe(30);
  });

  it('gives two instances sharing the counter disjoint ids', async () => {
    const first = new IdAllocator(database.counters, 7);
    const second = new IdAllocator(database.counters, 7);
    const taken = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? first : second).next('shared')));
    expect(new Set(taken).size).toBe(40);
    expect(Math.max(...taken)).toBeLessThanOrEqual((await counterOf('shared')) as number);
  });

  it('never reuses the rest of a block after a restart: a new instance starts after it', async () => {
    const before = new IdAllocator(database.counters, 10);
    expect(await before.next('restart')).toBe(1);
    const after = new IdAllocator(database.counters, 10);
    expect(await after.next('restart')).toBe(11);
  });
});
