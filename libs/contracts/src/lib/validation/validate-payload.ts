import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { MAX_PAYLOAD_DEPTH, nestsDeeperThan } from './payload-depth';
import { findReservedKey } from './reserved-keys';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * Validates an untrusted plain object against a contract class. Unknown properties are dropped, so producers
 * may send newer optional fields; values are never coerced (a number is not a string).
 */
export function validatePayload<T extends object>(cls: ClassConstructor<T>, raw: unknown): ValidationResult<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: ['payload must be a JSON object'] };
  }
  if (nestsDeeperThan(raw, MAX_PAYLOAD_DEPTH)) {
    return { ok: false, problems: [`payload nests deeper than ${MAX_PAYLOAD_DEPTH} levels`] };
  }
  const reserved = findReservedKey(raw);
  if (reserved !== null) return { ok: false, problems: [`payload may not use the key "${reserved}"`] };
  let instance: T;
  let errors: ValidationError[];
  try {
    instance = plainToInstance(cls, raw, { enableImplicitConversion: false });
    errors = validateSync(instance, { whitelist: true, forbidUnknownValues: true });
  } catch (error) {
    // Whatever else the libraries trip over is still the payload's fault: it gets an answer, not a crash.
    return { ok: false, problems: [`payload could not be read: ${error instanceof Error ? error.message : String(error)}`] };
  }
  if (errors.length > 0) return { ok: false, problems: flattenProblems(errors) };
  return { ok: true, value: instance };
}

export function flattenProblems(errors: readonly ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) => text.replace(error.property, path));
    return [...own, ...flattenProblems(error.children ?? [], path)];
  });
}
