import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/**
 * What a nats-server says first on a port, to a plain-text TCP client (clients and routes alike open with an
 * INFO line): the parsed INFO. A server that requires TLS says so here, before it reads anything.
 */
export function serverInfo(port: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(port, '127.0.0.1');
    socket.once('data', (chunk) => {
      socket.destroy();
      const line = chunk.toString();
      if (!line.startsWith('INFO ')) return reject(new Error(`the server opened with ${JSON.stringify(line.slice(0, 40))}, not INFO`));
      resolve(JSON.parse(line.slice('INFO '.length)) as Record<string, unknown>);
    });
    socket.once('error', reject);
  });
}

/**
 * Opens TLS on a port, trusting only `caFile`: resolves once the server presented a certificate chaining to
 * it, rejects when the server speaks plain text or presents anything else. (A route port opens with TLS
 * straight away, before any INFO.)
 */
export function tlsHandshake(port: number, caFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, ca: readFileSync(caFile) }, () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}
