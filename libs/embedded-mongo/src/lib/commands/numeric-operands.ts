import { bsonTypeOf, isPlainObject, type BsonDoc } from '../bson/bson-values';
import { formatShell } from '../bson/shell-format';
import { CommandError } from '../storage/command-error';
import { describeType } from './command-request';

const ARITHMETIC = ['$inc', '$mul'] as const;

function isNumeric(value: unknown): boolean {
  return typeof value === 'number' || bsonTypeOf(value) === 'Long' || bsonTypeOf(value) === 'Decimal128';
}

/**
 * MongoDB refuses `$inc`/`$mul` with a non-numeric argument or on a non-numeric field; mingo would silently
 * do nothing, which would hide a bug until production.
 */
export function assertNumericOperands(doc: BsonDoc, modifier: BsonDoc): void {
  for (const operator of ARITHMETIC) {
    const fields = modifier[operator];
    if (!isPlainObject(fields)) continue;
    for (const [path, amount] of Object.entries(fields)) {
      if (!isNumeric(amount)) {
        const verb = operator === '$inc' ? 'increment' : 'multiply';
        throw new CommandError(14, `Cannot ${verb} with non-numeric argument: {${path}: ${formatShell(amount)}}`);
      }
      const current = valueAt(doc, path);
      if (current !== undefined && current !== null && !isNumeric(current)) {
        throw new CommandError(14, `Cannot apply ${operator} to a value of non-numeric type. ` +
          `{_id: ${formatShell(doc['_id'])}} has the field '${path.split('.').pop() ?? path}' of non-numeric type ${describeType(current)}`);
      }
    }
  }
}

/** The value at a dotted path through objects only; undefined when absent or behind an array/positional. */
function valueAt(doc: BsonDoc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (!isPlainObject(value) || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = value[part];
  }
  return value;
}
