import type { AddressInfo } from 'node:net';

/**
 * The address a started HTTP server really listens on. With port 0 the kernel chose the port and only the
 * server knows it; every service prints this as "listening on <url>", which the process launchers read.
 */
export function listeningUrl(server: { address(): AddressInfo | string | null }): string {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`the HTTP server is not on TCP (${String(address)})`);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
