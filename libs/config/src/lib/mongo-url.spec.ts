import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './env-reader';
import { loadStorageConfig } from './service-configs';

const creds = { NATS_CREDS: '/run/certhub/nats.creds' };

describe('MONGO_PASSWORD_FILE', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'mongo-url-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (content: string) => {
    const path = join(dir, `password-${Math.random()}`);
    writeFileSync(path, content);
    return path;
  };
  const problems = (env: Record<string, string>) => {
    try {
      loadStorageConfig({ ...creds, ...env });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
    }
    return [];
  };

  it('puts the password from the file into the URL, escaped, without its final newline', () => {
    const config = loadStorageConfig({ ...creds, MONGO_URL: 'mongodb://certhub@mongo:27017/certhub?authSource=admin', MONGO_PASSWORD_FILE: file('p@ss/w:rd\n') });
    expect(config.mongoUrl).toBe('mongodb://certhub:p%40ss%2Fw%3Ard@mongo:27017/certhub?authSource=admin');
  });

  it('refuses a missing or empty file, a URL without a user, and a password given twice, never printing it', () => {
    expect(problems({ MONGO_URL: 'mongodb://u@h/db', MONGO_PASSWORD_FILE: join(dir, 'absent') })).toEqual([expect.stringMatching(/cannot be read: ENOENT/)]);
    expect(problems({ MONGO_URL: 'mongodb://u@h/db', MONGO_PASSWORD_FILE: file('') })).toEqual([expect.stringMatching(/is empty/)]);
    expect(problems({ MONGO_URL: 'mongodb://h/db', MONGO_PASSWORD_FILE: file('secret-1') })).toEqual([expect.stringMatching(/must name the user/)]);
    const twice = problems({ MONGO_URL: 'mongodb://u:secret-2@h/db', MONGO_PASSWORD_FILE: file('secret-3') });
    expect(twice).toEqual([expect.stringMatching(/use one of them/)]);
    expect(twice.join()).not.toMatch(/secret-/);
  });
});
