import { randomBytes } from 'node:crypto';
import { ConfigError } from './env-reader';
import { loadStorageConfig } from './service-configs';

const key = () => randomBytes(32).toString('base64');
// Whatever else storage requires to start, so these cases differ only in their KEKs.
const base = { NATS_CREDS: '/run/secrets/storage.creds' };

describe('storage key-encryption keys (to verify KEK rotation rewraps)', () => {
  it('are optional: without CERTHUB_KEKS storage starts and refuses rewraps', () => {
    expect(loadStorageConfig(base).keyring).toBeUndefined();
  });

  it('are read like the parser and gateway read them', () => {
    const secret = key();
    const config = loadStorageConfig({ ...base, CERTHUB_KEKS: `k1:${key()},k2:${secret}`, CERTHUB_ACTIVE_KEK: 'k2' });
    expect([...(config.keyring?.byId.keys() ?? [])]).toEqual(['k1', 'k2']);
    expect(config.keyring?.byId.get('k2')?.key).toEqual(Buffer.from(secret, 'base64'));
  });

  it('stop start-up when set but wrong, without echoing a key', () => {
    const secret = key();
    let problems: readonly string[] = [];
    try {
      loadStorageConfig({ ...base, CERTHUB_KEKS: `k1:${secret},k1:${key()}` });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toEqual(['CERTHUB_KEKS lists key "k1" twice']);
    expect(problems.join('\n')).not.toContain(secret);
  });
});
