import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { decodeJsonBody } from './json-body';

/**
 * Turns the bytes the JSON body parser kept (main.ts reads JSON bodies raw, so that the charset and the UTF-8
 * are checked here rather than by body-parser, which answers 415 and decodes bad bytes to U+FFFD) into the
 * parsed body. The first of the body middlewares: the others see the parsed value.
 */
@Injectable()
export class JsonBodyMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const body: unknown = request.body;
    if (!Buffer.isBuffer(body) || request.is('application/json') !== 'application/json') return next();
    try {
      request.body = decodeJsonBody(body, request.header('content-type'));
    } catch (error) {
      return next(error);
    }
    next();
  }
}
