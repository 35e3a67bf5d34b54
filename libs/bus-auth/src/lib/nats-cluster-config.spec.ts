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

  it('puts the routes under TLS with the bus certificate, checked against the bus CA, when the bus has TLS', () => {
    const tls = { certFile: '/bus/tls/server-cert.pem', keyFile: '/bus/tls/server-key.pem', caFile: '/bus/tls/ca.pem' };
    const config = renderNatsServerConfig(authority, {
      host: '0.0.0.0',
      port: 4222,
      storeDir: '/data',
      resolverDir: '/accounts',
      serverName: 'n1',
      cluster: { name: 'certhub', host: '0.0.0.0', port: 6222, routes: ['nats-2:6222'] },
      tls,
    });
    const cluster = config.slice(config.indexOf('cluster: {'), config.indexOf('\n}', config.indexOf('cluster: {')));
    expect(cluster).toContain(`ca_file: "${tls.caFile}"`);
    expect(cluster).toContain(`cert_file: "${tls.certFile}"`);
    expect(cluster).toContain(`key_file: "${tls.keyFile}"`);
  });
});
