import { workspaceRoot } from '@certhub/testing';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SuiteEnvironment } from './suite-environment';

const run = promisify(execFile);

/** What the admin command needs of a deployment: its bus and its key-encryption keys. */
export interface AdminTarget {
  readonly nats: Pick<SuiteEnvironment['nats'], 'url' | 'caFile' | 'files'>;
  readonly stack: Pick<SuiteEnvironment['stack'], 'keks'>;
}

/** Runs the admin command against the suite's bus, exactly as the README tells an operator to; stdout. */
export async function runAdmin(env: AdminTarget, args: string[], extraEnv: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, [join(workspaceRoot(), 'dist/tools/admin/main.js'), ...args], {
    env: {
      ...process.env,
      NATS_URL: env.nats.url,
      NATS_CA: env.nats.caFile,
      NATS_CREDS: env.nats.files.credsFile('admin'),
      CERTHUB_BUS_DIR: env.nats.files.dir,
      CERTHUB_KEKS: env.stack.keks,
      ...extraEnv,
    },
  });
  return stdout;
}

async function admin(env: AdminTarget, args: string[]): Promise<Record<string, string>> {
  return JSON.parse(await runAdmin(env, args)) as Record<string, string>;
}

/** A bearer token for `tenantId` (Huawei X-Auth-Token, Rainbond Authorization). */
export async function createToken(env: AdminTarget, tenantId: string): Promise<string> {
  return (await admin(env, ['create-token', '--tenant', tenantId]))['token'] as string;
}

export interface AccessKeyPair {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/** An Alibaba AccessKey pair for `tenantId`. */
export async function createAccessKey(env: SuiteEnvironment, tenantId: string): Promise<AccessKeyPair> {
  const created = await admin(env, ['create-access-key', '--tenant', tenantId]);
  return { accessKeyId: created['accessKeyId'] as string, accessKeySecret: created['accessKeySecret'] as string };
}

/**
 * The same pair with a secret that differs in its last character. Always a different character: a secret is
 * random, so a fixed replacement would equal the real one about once in 62 runs and the "wrong" key would sign
 * correctly.
 */
export function withWrongSecret(key: AccessKeyPair): AccessKeyPair {
  const last = key.accessKeySecret.slice(-1);
  return { ...key, accessKeySecret: `${key.accessKeySecret.slice(0, -1)}${last === 'x' ? 'y' : 'x'}` };
}
