import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { importContextOf, type ImportRequestContext } from './request-context';

export type { ImportRequestContext } from './request-context';

/**
 * `@ImportContext() context: ImportRequestContext`: the tenant the route's guard proved and the request id, so a
 * handler needs neither `@Res()` nor the path parameter naming the tenant. The global ValidationPipe leaves
 * custom decorators alone, so the value arrives as set.
 */
export const ImportContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ImportRequestContext => importContextOf(context.switchToHttp().getRequest<Request>()),
);
