import { canConnect, findNatsServerBinary } from '@certhub/dev-infra';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { waitForPort } from '@certhub/dev-infra';

export interface LocalNats {
  readonly url: string;
  readonly startedHere: boolean;
  stop(): Promise<void>;
}

/**
 * Uses NATS_URL when given, else the NATS on 127.0.0.1:4222 if one listens, else starts nats-server with
 * JetStream there (store under the data folder, so queued events survive a restart of the stack).
 */
export async function ensureNats(dataDir: string, log: (line: string) => void): Promise<LocalNats> {
  const configured = process.env['NATS_URL'];
  if (configured) return { url: configured, startedHere: false, stop: async () => undefined };
  if (await canConnect(4222)) {
    log('using the NATS server already listening on 127.0.0.1:4222');
    return { url: 'nats://127.0.0.1:4222', startedHere: false, stop: async () => undefined };
  }
  const storeDir = join(dataDir, 'nats');
  mkdirSync(storeDir, { recursive: true });
  const binary = findNatsServerBinary();
  log(`starting ${binary} with JetStream on 127.0.0.1:4222 (store ${storeDir})`);
  const child = spawn(binary, ['-a', '127.0.0.1', '-p', '4222', '-js', '-sd', storeDir], { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) =>
    child.once('error', (error) =>
      reject(new Error(`could not start nats-server (${error.message}); install it (Debian: apt-get install nats-server) or set NATS_URL`)),
    ),
  );
  await Promise.race([waitForPort(4222), failed]);
  return {
    url: 'nats://127.0.0.1:4222',
    startedHere: true,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
