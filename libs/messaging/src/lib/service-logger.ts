import { ConsoleLogger, type LogLevel as NestLogLevel } from '@nestjs/common';

type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const ENABLED: Record<LogLevel, NestLogLevel[]> = {
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  info: ['fatal', 'error', 'warn', 'log'],
  warn: ['fatal', 'error', 'warn'],
  error: ['fatal', 'error'],
};

/**
 * `json` (production): one JSON object per line (NestJS 11's JSON console logger), so logs can be shipped and
 * searched. `text` (`npm start`): one short line per event for a person at a terminal, e.g.
 * `02:41:07.118   LOG [ParsedCertificateHandler] request r-1 of tenant team-a: created id 7`.
 * Messages are written by our code only; nothing logs a request body, so no key reaches the log.
 */
export function createServiceLogger(service: string, level: LogLevel, format: 'json' | 'text' = 'json'): ServiceLogger {
  return format === 'json'
    ? new ServiceLogger(service, { json: true, logLevels: ENABLED[level] })
    : new TerminalLogger(service, { logLevels: ENABLED[level], colors: process.stdout.isTTY === true });
}

/** Nest's console logger, plus the one line a service prints whatever the level. */
export class ServiceLogger extends ConsoleLogger {
  /**
   * Where the service listens, printed at `log` level even when LOG_LEVEL is `warn` or `error`: an operator at
   * a quiet level still learns the address, and a supervisor that reads it to find the service (the test and
   * bench launchers) still finds it.
   */
  announce(message: string, context: string): void {
    this.printMessages([message], context, 'log');
  }
}

/** Nest's text format without what a terminal already shows: the process id, the date and the "[Nest]" prefix. */
class TerminalLogger extends ServiceLogger {
  protected override formatPid(): string {
    return '';
  }

  protected override getTimestamp(): string {
    return new Date().toISOString().slice(11, 23);
  }
}
