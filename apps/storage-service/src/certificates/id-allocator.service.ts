import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Counter } from './schemas/counter.schema';

/**
 * Integer ids from one atomic $inc per id: unique across instances without coordination. A command that is
 * retried after a crash may burn an id, so ids can have gaps but never repeat.
 */
@Injectable()
export class IdAllocator {
  constructor(@InjectModel(Counter.name) private readonly counters: Model<Counter>) {}

  async next(sequence = 'certificates'): Promise<number> {
    const counter = await this.counters
      .findOneAndUpdate({ _id: sequence }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' })
      .lean()
      .exec();
    if (!counter) throw new Error(`counter ${sequence} was not returned`);
    return counter.seq;
  }
}
