import { CerthubError } from '@certhub/contracts';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MAX_BODY_DEPTH, nestingDepthExceeds } from './body-depth';

/** Refuses absurdly nested bodies before any recursive code sees them; the dialect renders the 400. */
@Injectable()
export class BodyDepthMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    if (nestingDepthExceeds(request.body)) {
      return next(new CerthubError('INVALID_REQUEST', `The request body is nested more than ${MAX_BODY_DEPTH} levels deep.`));
    }
    next();
  }
}
