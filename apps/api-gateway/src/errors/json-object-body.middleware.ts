import { CerthubError } from '@certhub/contracts';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Every API takes an object. The JSON parser accepts any JSON value (strict mode would call `null` or `42`
 * "not valid JSON", which they are), and this says what is wrong with them instead; the dialect renders the 400.
 */
@Injectable()
export class JsonObjectBodyMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const body: unknown = request.body;
    if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body))) {
      return next(new CerthubError('INVALID_REQUEST', 'The request body must be a JSON object.'));
    }
    next();
  }
}
