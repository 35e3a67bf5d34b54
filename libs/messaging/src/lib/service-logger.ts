import { ConsoleLogger, type LogLevel as NestLogLevel } from '@nestjs/common';

type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const ENABLED: Record<LogLevel, NestLogLevel[]> = {
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  info: ['fatal', 'error', 'warn', 'log'],
  warn: ['fatal', 'error', 'warn'],
  error: ['fatal', 'error'],
};

/**
 * One JSON object per line (NestJS 11's JSON console logger), so logs can be shipped and searched.
 * Messages are written by our code only; nothing logs a request body, so no key reaches the log.
 */
export function createServiceLogger(service: string, level: LogLevel): ConsoleLogger {
  return new ConsoleLogger(service, { json: true, logLevels: ENABLED[level] });
}
