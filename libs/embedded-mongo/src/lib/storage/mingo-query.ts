import { Context } from 'mingo/core';
import type { ComputeOptions } from 'mingo/core/_internal';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import type { BsonDoc } from '../bson/bson-values';
import { MINGO_OPTIONS } from './mingo-options';

/**
 * A mingo query over `filter`, as `new Query(filter, MINGO_OPTIONS)` from 'mingo' would build it, without its
 * cost: that Query copies every operator table into a fresh context for each query (a tenth of the server's
 * CPU under load). This one starts from options built once; mingo reuses the context of a ComputeOptions it
 * is given and copies only the per-query locals (condition, $$NOW's timestamp), so nothing else is shared.
 */
export function mingoQuery(filter: BsonDoc): Query {
  return new Query(filter, QUERY_OPTIONS);
}

/** mingo exports ComputeOptions' type but not the class; a query operator is handed an instance when compiled. */
function computeOptionsClass(): typeof ComputeOptions {
  let handed: unknown;
  const $options = (_selector: string, _value: unknown, options: Options) => {
    handed = options;
    return () => true;
  };
  new Query({ probe: { $options: 1 } }, { context: Context.init({ query: { $options } }) });
  const found = (handed as { constructor?: typeof ComputeOptions } | undefined)?.constructor;
  if (typeof found?.init !== 'function') throw new Error('mingo no longer hands its query operators a ComputeOptions');
  return found;
}

/** The operator tables the 'mingo' entry point registers for its Query (its CONTEXT), no more. */
const QUERY_OPTIONS = computeOptionsClass().init({
  ...MINGO_OPTIONS,
  context: Context.init({
    accumulator: accumulatorOperators,
    expression: expressionOperators,
    pipeline: pipelineOperators,
    projection: projectionOperators,
    query: queryOperators,
    window: windowOperators,
  }),
});
