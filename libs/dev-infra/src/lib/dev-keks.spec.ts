import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devKeks } from './dev-keks';

describe('devKeks', () => {
  const saved = process.env['CERTHUB_KEKS'];
  let dir: string;
  beforeEach(() => {
    delete process.env['CERTHUB_KEKS'];
    dir = mkdtempSync(join(tmpdir(), 'dev-keks-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env['CERTHUB_KEKS'];
    else process.env['CERTHUB_KEKS'] = saved;
  });

  it('generates one 32-byte key, keeps it readable by its owner only, and returns the same key again', () => {
    const first = devKeks(dir);
    const [id, key] = first.split(':');
    expect(id).toBe('dev1');
    expect(Buffer.from(key as string, 'base64')).toHaveLength(32);
    expect(statSync(join(dir, 'dev-keks')).mode & 0o777).toBe(0o600);
    expect(devKeks(dir)).toBe(first);
  });

  it('prefers CERTHUB_KEKS from the environment', () => {
    process.env['CERTHUB_KEKS'] = 'ops:AAAA';
    expect(devKeks(dir)).toBe('ops:AAAA');
  });
});
