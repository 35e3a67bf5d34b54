import { createServiceLogger } from './service-logger';

/** What a service prints for one log call, in each format. */
function printed(format: 'json' | 'text', write: (logger: ReturnType<typeof createServiceLogger>) => void, level: 'info' | 'warn' | 'error' = 'info'): string {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    write(createServiceLogger('storage-service', level, format));
  } finally {
    spy.mockRestore();
  }
  return lines.join('');
}

describe('createServiceLogger', () => {
  it('prints one JSON object per line in production', () => {
    const line = printed('json', (logger) => logger.log('request r-1: created id 7', 'Handler'));
    expect(JSON.parse(line)).toMatchObject({ level: 'log', context: 'Handler', message: 'request r-1: created id 7' });
  });

  it('prints one short line per event for a terminal: time, level, context and message, no pid or date', () => {
    const line = printed('text', (logger) => logger.log('request r-1: created id 7', 'Handler'));
    expect(line).toMatch(/^\d\d:\d\d:\d\d\.\d{3} +LOG \[Handler\] request r-1: created id 7\n$/);
    expect(line).not.toContain(String(process.pid));
  });

  it('leaves debug lines out at info level, in both formats', () => {
    expect(printed('text', (logger) => logger.debug('noise', 'Handler'))).toBe('');
    expect(printed('json', (logger) => logger.debug('noise', 'Handler'))).toBe('');
  });

  it('prints where the service listens at every level, so a quiet service can still be found', () => {
    for (const level of ['warn', 'error'] as const) {
      expect(printed('text', (logger) => logger.log('routine', 'Handler'), level)).toBe('');
      const text = printed('text', (logger) => logger.announce('listening on http://127.0.0.1:3000', 'Bootstrap'), level);
      expect(text).toMatch(/LOG \[Bootstrap\] listening on http:\/\/127\.0\.0\.1:3000\n$/);
      const json = printed('json', (logger) => logger.announce('listening on http://127.0.0.1:3000', 'Bootstrap'), level);
      expect(JSON.parse(json)).toMatchObject({ level: 'log', context: 'Bootstrap', message: 'listening on http://127.0.0.1:3000' });
    }
  });
});
