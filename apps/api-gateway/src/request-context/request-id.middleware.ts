import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { attachRequestId } from './request-context';
import { requestIdOf } from './request-id';

/** Fixes the request id before anything else runs, so every response and log line can carry it. */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    let requestId: string;
    try {
      requestId = requestIdOf(request);
    } catch (error) {
      // A malformed Idempotency-Key is refused; the refusal still gets an id of its own to quote.
      requestId = randomUUID();
      attachRequestId(request, requestId);
      response.setHeader('X-Request-Id', requestId);
      return next(error);
    }
    attachRequestId(request, requestId);
    response.setHeader('X-Request-Id', requestId);
    next();
  }
}
