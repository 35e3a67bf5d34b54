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

describe('MONGO_URL', () => {
  const load = (env: Record<string, string>) => loadStorageConfig({ ...creds, ...env });

  it('takes a replica set by its members, as the driver does, and puts the password file in it', () => {
    const members = 'mongodb://certhub@db-1:27017,db-2:27017,db-3:27017/certhub?replicaSet=rs0&w=majority&authSource=admin';
    expect(load({ MONGO_URL: members }).mongoUrl).toBe(members);
    const dir = mkdtempSync(join(tmpdir(), 'mongo-url-'));
    try {
      writeFileSync(join(dir, 'password'), 'p@ss\n');
      expect(load({ MONGO_URL: members, MONGO_PASSWORD_FILE: join(dir, 'password') }).mongoUrl).toBe(
        'mongodb://certhub:p%40ss@db-1:27017,db-2:27017,db-3:27017/certhub?replicaSet=rs0&w=majority&authSource=admin',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes SRV and IPv6 forms, and refuses what is not a MongoDB connection string', () => {
    expect(load({ MONGO_URL: 'mongodb+srv://cluster0.example.net/certhub' }).mongoUrl).toBe('mongodb+srv://cluster0.example.net/certhub');
    expect(load({ MONGO_URL: 'mongodb://[::1]:27017/certhub' }).mongoUrl).toBe('mongodb://[::1]:27017/certhub');
    for (const bad of ['http://db:27017/certhub', 'mongodb://', 'mongodb://db:27017,,db-2/certhub', 'mongodb://db 1/certhub']) {
      expect(() => load({ MONGO_URL: bad })).toThrow(/MONGO_URL must be a mongodb/);
    }
  });
});
