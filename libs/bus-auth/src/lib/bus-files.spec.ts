import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBusFiles } from './bus-files';

describe('ensureBusFiles on a bus set up before', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'certhub-bus-files-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const server = () => ({ host: '127.0.0.1', port: 4333, storeDir: join(dir, 'jetstream') });

  it('keeps the authority and issues every service credential again, with the current permissions', () => {
    const first = ensureBusFiles(dir, server());
    const authority = readFileSync(first.files.authorityFile, 'utf8');
    // What an earlier version left: a credentials file with other permissions.
    writeFileSync(first.files.credsFile('storage'), 'credentials of an earlier version');

    const second = ensureBusFiles(dir, server());

    expect(readFileSync(second.files.authorityFile, 'utf8')).toBe(authority);
    const storage = readFileSync(second.files.credsFile('storage'), 'utf8');
    expect(storage).toContain('-----BEGIN NATS USER JWT-----');
    const claims = JSON.parse(Buffer.from(storage.split('\n')[1]?.split('.')[1] ?? '', 'base64url').toString()) as { nats: { pub: { allow: string[] } } };
    expect(claims.nats.pub.allow).toContain('_INBOX.gateway.outcomes.*');
  });
});
