import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { dialectOf } from '../errors/dialect';
import { attachedRequestId } from '../request-context/request-context';

/**
 * One debug line per answered request: method, path, dialect, status, duration and request id, for following
 * a request through the services. Never the query string or the body: a query may carry a signature and a
 * body a private key (tests/integration/src/secrets.spec.ts reads every line at debug level).
 */
@Injectable()
export class AccessLogMiddleware implements NestMiddleware {
  private readonly logger = new Logger('HttpAccess');

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    const path = request.originalUrl.split('?')[0] ?? '/';
    response.once('finish', () => {
      const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
      const dialect = dialectOf({ path, query: request.query, body: request.body });
      this.logger.debug(`${request.method} ${path} (${dialect}) ${response.statusCode} in ${ms}ms, request ${attachedRequestId(request) ?? '-'}`);
    });
    next();
  }
}
