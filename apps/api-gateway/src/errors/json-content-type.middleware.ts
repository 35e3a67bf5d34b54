import { CerthubError } from '@certhub/contracts';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { dialectOf } from './dialect';

/** Clients send `Content-Length: 0` (or nothing) for no body: its fields are missing, not of the wrong type. */
export function carriesContent(request: Request): boolean {
  const length = request.header('content-length');
  return request.header('transfer-encoding') !== undefined || (length !== undefined && Number(length) !== 0);
}

/**
 * Every API but Alibaba's RPC style takes JSON only. The gateway also parses form bodies (for Alibaba), and such
 * a body, or any other that is not JSON, must not pass for another API's parameters: it is refused here, for
 * every JSON API at once, and the dialect renders its "body not JSON" 400 (APIG.2000, SCM.0005, Rainbond's
 * `invalid parameters`, certhub's INVALID_REQUEST). Like a body that does not parse, before any token is read.
 */
@Injectable()
export class JsonContentTypeMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    // Mounted on a path, so request.path is relative to it; the original URL is the real one.
    const path = request.originalUrl.split('?')[0] ?? '/';
    if (dialectOf({ path, query: request.query, body: request.body }) === 'alibaba-cas') return next();
    if (carriesContent(request) && request.is('application/json') !== 'application/json') {
      return next(new CerthubError('INVALID_REQUEST', 'The request body must be JSON (Content-Type: application/json).'));
    }
    next();
  }
}
