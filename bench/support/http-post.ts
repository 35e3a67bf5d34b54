import { Agent, request } from 'node:http';

/** Keep-alive connections, one per concurrent client, as a load generator would hold them. */
export const keepAlive = new Agent({ keepAlive: true, maxSockets: 256 });

/** POSTs JSON and resolves with the status once the whole answer is read. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: 'POST', agent: keepAlive, headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers } },
      (response) => {
        response.on('data', () => undefined);
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}
