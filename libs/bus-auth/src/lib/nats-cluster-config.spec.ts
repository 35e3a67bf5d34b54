import { createBusAuthority } from './bus-authority';
import { routePassword } from './nats-cluster-config';
import { renderNatsServerConfig } from './nats-server-config';

describe('a NATS cluster configuration', () => {
  const authority = createBusAuthority();
  const node = (name: string, port: number) =>
    renderNatsServerConfig(authority, {
      host: '127.0.0.1',
      port,
      storeDir: `/data/${name}`,
      resolverDir: `/accounts/${name}`,
      serverName: name,
      cluster: { name: 'certhub', host: '127.0.0.1', port: port + 1000, routes: ['127.0.0.1:5222', '127.0.0.1:5223'] },
    });

  it('gives every node of one bus the same route secret, required on its own route port and presented on its routes', () => {
    const password = routePassword(authority);
    for (const config of [node('n1', 4222), node('n2', 4223)]) {
      expect(config).toContain(`authorization: { user: "certhub-route", password: "${password}" }`);
      expect(config).toContain(`"nats-route://certhub-route:${password}@127.0.0.1:5222"`);
      expect(config).toContain(`"nats-route://certhub-route:${password}@127.0.0.1:5223"`);
    }
  });

  it('derives a different secret for another bus, so its nodes cannot join this one', () => {
    expect(routePassword(createBusAuthority())).not.toBe(routePassword(authority));
    expect(routePassword(authority)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('leaves the cluster block out of a single server', () => {
    const single = renderNatsServerConfig(authority, { host: '127.0.0.1', port: 4222, storeDir: '/data', resolverDir: '/accounts' });
    expect(single).not.toContain('cluster');
  });
});
