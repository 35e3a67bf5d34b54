import { isPlainObject, type BsonDoc } from '../bson/bson-values';
import type { DateBounds } from '../storage/date-range-index';

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte', '$eq']);

/**
 * The top-level conditions of a filter that confine a field to a range of dates: `field: date`, or
 * `field: { $gt/$gte/$lt/$lte/$eq: date, … }` with nothing else in it. Every document the filter matches has a
 * Date in that range at that field (or in an array there), because a comparison with a Date only ever matches
 * a Date (mingo, like MongoDB, compares within one type). Conditions inside `$and`/`$or` are not looked at.
 */
export function pinnedDateRanges(filter: BsonDoc): Map<string, DateBounds> {
  const pinned = new Map<string, DateBounds>();
  for (const [field, condition] of Object.entries(filter)) {
    if (field.startsWith('$')) continue;
    if (isDate(condition)) {
      pinned.set(field, { low: { at: condition.getTime(), inclusive: true }, high: { at: condition.getTime(), inclusive: true } });
      continue;
    }
    if (!isPlainObject(condition)) continue;
    const operators = Object.entries(condition);
    if (operators.length === 0 || !operators.every(([operator, value]) => RANGE_OPERATORS.has(operator) && isDate(value))) continue;
    let bounds: DateBounds = {};
    for (const [operator, value] of operators) bounds = narrowed(bounds, operator, (value as Date).getTime());
    pinned.set(field, bounds);
  }
  return pinned;
}

function narrowed(bounds: DateBounds, operator: string, at: number): DateBounds {
  const low = operator === '$gt' ? { at, inclusive: false } : operator === '$gte' || operator === '$eq' ? { at, inclusive: true } : undefined;
  const high = operator === '$lt' ? { at, inclusive: false } : operator === '$lte' || operator === '$eq' ? { at, inclusive: true } : undefined;
  return {
    low: low && (!bounds.low || tighterLow(low, bounds.low)) ? low : bounds.low,
    high: high && (!bounds.high || tighterHigh(high, bounds.high)) ? high : bounds.high,
  };
}

function tighterLow(a: { at: number; inclusive: boolean }, b: { at: number; inclusive: boolean }): boolean {
  return a.at > b.at || (a.at === b.at && !a.inclusive);
}

function tighterHigh(a: { at: number; inclusive: boolean }, b: { at: number; inclusive: boolean }): boolean {
  return a.at < b.at || (a.at === b.at && !a.inclusive);
}

function isDate(value: unknown): value is Date {
  return value instanceof Date;
}
