import { CerthubError, flattenProblems } from '@certhub/contracts';
import { ValidationPipe } from '@nestjs/common';

/**
 * The global pipe for request bodies: no implicit coercion (a number is not a string), unknown properties
 * dropped, and every problem reported as INVALID_REQUEST so each dialect renders it as its own 400.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new CerthubError('INVALID_REQUEST', flattenProblems(errors).join('; ')),
  });
}
