import { createServer, type Socket } from 'node:net';

/** A loopback TCP server that plays a peer in a test: what it says is up to `greet`, sockets are counted. */
export interface TcpStandIn {
  readonly port: number;
  /** How many connections it accepted. */
  accepted(): number;
  /** Ends every accepted socket and stops listening. */
  close(): void;
}

/** Starts one on a port of the kernel's choosing; `greet` handles each accepted socket (nothing: a silent peer). */
export async function startTcpStandIn(greet: (socket: Socket) => void = () => undefined): Promise<TcpStandIn> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    greet(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return {
    port: address.port,
    accepted: () => sockets.length,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}
