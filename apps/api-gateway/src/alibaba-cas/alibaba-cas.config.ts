import { EnvReader, type Env } from '@certhub/config';

export const ALIBABA_CAS_CONFIG = Symbol('ALIBABA_CAS_CONFIG');

export interface AlibabaCasConfig {
  /** Nonces remembered per AccessKeyId within the timestamp window; beyond it the key is throttled. */
  readonly noncesPerAccessKey: number;
  /** Nonces remembered in all, which bounds the memory the replay check may take. */
  readonly nonceCapacity: number;
}

/** Read at start-up and validated like the rest of the configuration: a bad value stops the gateway. */
export function loadAlibabaCasConfig(env: Env = process.env): AlibabaCasConfig {
  const reader = new EnvReader(env);
  const config: AlibabaCasConfig = {
    noncesPerAccessKey: reader.int('ALIBABA_NONCES_PER_ACCESS_KEY', 20_000, { min: 1, max: 10_000_000 }),
    nonceCapacity: reader.int('ALIBABA_NONCE_CAPACITY', 200_000, { min: 1, max: 10_000_000 }),
  };
  reader.done();
  return config;
}
