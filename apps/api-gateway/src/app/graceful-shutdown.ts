import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';

/**
 * SIGTERM under keep-alive load: Nest closes the HTTP server (no new connections) and waits for the open
 * ones, but a client that keeps its socket busy never lets it finish. So once stopping, every response says
 * `Connection: close` (the client reconnects, to another instance) and idle sockets are closed at once;
 * in-flight requests still get their outcome (OutcomeWaiter unsubscribes only after the server closed).
 * If anything still hangs, the process exits after `graceMs`.
 */
export function installGracefulShutdown(app: INestApplication, graceMs: number): void {
  let stopping = false;
  app.use((_request: Request, response: Response, next: NextFunction) => {
    if (stopping) response.setHeader('Connection', 'close');
    next();
  });
  const begin = () => {
    if (stopping) return;
    stopping = true;
    (app.getHttpServer() as Server).closeIdleConnections();
    setTimeout(() => process.exit(0), graceMs).unref();
  };
  process.once('SIGTERM', begin);
  process.once('SIGINT', begin);
}
