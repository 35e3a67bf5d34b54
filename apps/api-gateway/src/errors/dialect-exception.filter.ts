import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { attachedRequestId } from '../request-context/request-context';
import { dialectOf, type Dialect } from './dialect';
import type { ErrorRenderer } from './error-renderer';
import { toGatewayError } from './gateway-error';

/**
 * The one place errors become HTTP responses. It is global, so errors from body parsing and routing are
 * caught too, and it picks the renderer from the request path: every failure reaches the client in the
 * documented error format of the API the client is speaking.
 */
@Catch()
export class DialectExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly renderers: Readonly<Record<Dialect, ErrorRenderer>>) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const error = toGatewayError(exception);
    // No id yet when the body could not be parsed: RequestIdMiddleware runs after the body parsers.
    const requestId = attachedRequestId(request) ?? randomUUID();
    if (error.code === 'INTERNAL' && !(exception instanceof HttpException)) {
      // Name and stack only: an exception message may quote user input.
      this.logger.error(`request ${requestId} failed: ${exception instanceof Error ? exception.stack?.split('\n').slice(1, 4).join(' | ') ?? exception.name : 'non-error thrown'}`);
    }
    const rendered = this.renderers[dialectOf(request)](error, request, requestId);
    if (response.headersSent) return;
    response
      .status(rendered.status)
      .setHeader('X-Request-Id', requestId)
      .type(rendered.contentType ?? 'application/json')
      .send(typeof rendered.body === 'string' ? rendered.body : JSON.stringify(rendered.body));
  }
}
