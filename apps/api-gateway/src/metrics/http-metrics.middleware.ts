import { METRICS_REGISTRY } from '@certhub/observability';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram, type Registry } from 'prom-client';
import { dialectOf } from '../errors/dialect';

/**
 * Requests by dialect and status, and their duration. The label is the dialect, never the path: paths hold
 * tenant and certificate ids, which would make one series per tenant.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  private readonly requests: Counter<'dialect' | 'method' | 'status'>;
  private readonly duration: Histogram<'dialect'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.requests = new Counter({
      name: 'certhub_http_requests_total',
      help: 'HTTP requests answered, by API dialect, method and status.',
      labelNames: ['dialect', 'method', 'status'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'certhub_http_request_duration_seconds',
      help: 'Time from request to answer, by API dialect.',
      labelNames: ['dialect'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
      registers: [registry],
    });
  }

  use(request: Request, response: Response, next: NextFunction): void {
    // The original URL is the real one, wherever the middleware is mounted.
    const path = request.originalUrl.split('?')[0] ?? '/';
    const dialect = dialectOf({ path, query: request.query, body: request.body });
    const stop = this.duration.startTimer({ dialect });
    response.once('finish', () => {
      stop();
      this.requests.inc({ dialect, method: request.method, status: String(response.statusCode) });
    });
    next();
  }
}
