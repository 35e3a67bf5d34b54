import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ID_BLOCK_SIZE } from './id-block-size.token';
import { IdBlock } from './id-block';
import { Counter } from './schemas/counter.schema';

/**
 * Integer ids from the `counters` collection, unique across instances without coordination: each instance
 * reserves a block of `ID_BLOCK_SIZE` ids with one atomic $inc and hands them out from memory, so a create
 * costs a database round trip for its id only once per block. Ids can have gaps (a retried command may burn
 * one, a stopped instance leaves the rest of its block unused) but never repeat. With several instances, ids
 * are unique but not in creation order across instances.
 */
@Injectable()
export class IdAllocator {
  private readonly blocks = new Map<string, IdBlock>();

  constructor(
    @InjectModel(Counter.name) private readonly counters: Model<Counter>,
    // One by default when constructed directly: every id is then one $inc, the counter always shows the last id.
    @Optional() @Inject(ID_BLOCK_SIZE) private readonly blockSize = 1,
  ) {}

  next(sequence = 'certificates'): Promise<number> {
    let block = this.blocks.get(sequence);
    if (!block) {
      block = new IdBlock(this.blockSize, (by) => this.advance(sequence, by));
      this.blocks.set(sequence, block);
    }
    return block.take();
  }

  private async advance(sequence: string, by: number): Promise<number> {
    const counter = await this.counters
      .findOneAndUpdate({ _id: sequence }, { $inc: { seq: by } }, { upsert: true, returnDocument: 'after' })
      .lean()
      .exec();
    if (!counter) throw new Error(`counter ${sequence} was not returned`);
    return counter.seq;
  }
}
