import { Buckets, Streams } from '@certhub/contracts';
import { eventually } from '@certhub/testing';
import { startClusterDeployment, type ClusterDeployment } from './support/cluster-deployment';
import { createToken } from './support/credentials';
import { runFailoverImports, type FailoverReport } from './support/failover-imports';
import { tlsHandshake } from './support/server-info';

/**
 * Issue "Outgrow one machine", item 1: certhub scaled out on a 3-node NATS cluster (every stream on 3 replicas)
 * with 2 instances of each service keeps its guarantees while a NATS node and one instance of every service
 * crash mid-run: every import a client retries is answered, every 2xx is stored, nothing is stored twice.
 */
let deployment: ClusterDeployment;
let report: FailoverReport;

beforeAll(async () => {
  deployment = await startClusterDeployment({ perService: 2, ...(process.env['CERTHUB_TEST_LOG'] ? { logFile: process.env['CERTHUB_TEST_LOG'] } : {}) });
  const team = { id: 'cluster-team', token: await createToken({ nats: deployment.cluster, stack: { keks: deployment.keks } }, 'cluster-team') };
  report = await runFailoverImports(deployment, team, { imports: 2_000, concurrency: 16, crashAfter: 500, downMs: 3_000, importDeadlineMs: 180_000 });
}, 600_000);
afterAll(async () => deployment?.close(), 60_000);

describe('2,000 keyed imports while a NATS node and one instance of each service are killed', () => {
  it('crashed what it says it did, while imports were in flight', () => {
    expect(report.crashed).toEqual([expect.stringMatching(/^nats n\d$/), 'gateway#1', 'parser#1', 'storage#1']);
    expect(report.inFlightAtCrash).toBeGreaterThan(0);
  });

  it('answers every import with a 2xx', () => {
    expect(report.unanswered).toEqual([]);
    expect(report.answered).toBe(report.sent);
  });

  it('stores every answered certificate once, and nothing else', () => {
    expect({ lost: report.lost, duplicated: report.duplicated, stored: report.stored }).toEqual({ lost: 0, duplicated: 0, stored: report.sent });
  });

  it('keeps every stream and bucket on 3 replicas, all current again after the crash', async () => {
    const jsm = await deployment.inspector.jetstreamManager();
    const streams = [...Object.values(Streams).map((stream) => stream.name), ...Object.values(Buckets).map((bucket) => `KV_${bucket.name}`)];
    for (const stream of streams) {
      expect({ stream, replicas: (await jsm.streams.info(stream)).config.num_replicas }).toEqual({ stream, replicas: 3 });
      // The restarted node catches up: both followers report current.
      await eventually(async () => {
        const replicas = (await jsm.streams.info(stream)).cluster?.replicas ?? [];
        return replicas.length === 2 && replicas.every((replica) => replica.current);
      }, { timeoutMs: 30_000, intervalMs: 250 });
    }
  });
});

describe('the routes between nodes', () => {
  it('speak TLS only: command messages carry clear private keys from node to node', async () => {
    // Without route TLS the port would open with a plain-text INFO, and the handshake would fail on it.
    for (const node of deployment.cluster.nodes) await tlsHandshake(node.routePort, deployment.cluster.caFile);
  });
});
