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

export function IsStringRecord(limits: StringRecordLimits, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
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
}
