import { Transform, type TransformFnParams } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';

export interface StringRecordLimits {
  readonly maxEntries: number;
  readonly maxKeyLength: number;
  readonly maxValueLength: number;
}

/** A plain object whose keys and values are bounded strings; keys may not start with `$` or contain dots. */
export function isStringRecord(value: unknown, limits: StringRecordLimits): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const entries = Object.entries(value);
  if (entries.length > limits.maxEntries) return false;
  return entries.every(
    ([key, item]) =>
      /^[A-Za-z0-9_-]+$/.test(key) &&
      key.length <= limits.maxKeyLength &&
      typeof item === 'string' &&
      item.length <= limits.maxValueLength,
  );
}

/**
 * The record as the payload sent it. class-transformer copies a nested plain object key by key and skips every
 * key the copy already inherits as a function (`toString`, `valueOf`, `hasOwnProperty`, `__defineGetter__`…),
 * so `{"toString": "a"}` lost that entry without a word. Anything but a plain object is left for the validator
 * to refuse. `Object.fromEntries` defines each key as the object's own, whatever Object.prototype holds.
 */
function ownEntriesOf({ obj, key }: TransformFnParams): unknown {
  const sent: unknown = (obj as Record<string, unknown>)[key];
  if (typeof sent !== 'object' || sent === null || Object.getPrototypeOf(sent) !== Object.prototype) return sent;
  return Object.fromEntries(Object.entries(sent));
}

export function IsStringRecord(limits: StringRecordLimits, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    Transform(ownEntriesOf, { toClassOnly: true })(target, propertyName as string);
    registerDecorator({
      name: 'isStringRecord',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `$property must map at most ${limits.maxEntries} keys ([A-Za-z0-9_-]) to strings of at most ${limits.maxValueLength} characters`,
        ...options,
      },
      validator: { validate: (value: unknown) => isStringRecord(value, limits) },
    });
  };
}
