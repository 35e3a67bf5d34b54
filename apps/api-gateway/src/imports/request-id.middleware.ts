import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { requestIdOf } from './request-id';

/** Fixes the request id before anything else runs, so every response and log line can carry it. */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    try {
      response.locals['requestId'] = requestIdOf(request);
    } catch (error) {
      response.locals['requestId'] = randomUUID();
      response.setHeader('X-Request-Id', response.locals['requestId']);
      return next(error);
    }
    response.setHeader('X-Request-Id', response.locals['requestId']);
    next();
  }
}
