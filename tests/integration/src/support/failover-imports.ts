import { Streams } from '@certhub/contracts';
import { createTestCertificate } from '@certhub/testing';
import { rainbondCertificatesUrl } from './http-client';
import { serverCertificateBody } from './rainbond-team';
import type { ClusterDeployment, ServiceInstance } from './cluster-deployment';

export interface FailoverPlan {
  readonly imports: number;
  /** Clients sending at once. */
  readonly concurrency: number;
  /** The crash happens once this many imports have been answered. */
  readonly crashAfter: number;
  /** How long the crashed node and instances stay down. */
  readonly downMs: number;
  /** An import still unanswered after this long counts as unanswered (the run is bounded). */
  readonly importDeadlineMs: number;
}

export interface FailoverReport {
  readonly sent: number;
  /** Imports that ended with a 2xx. */
  readonly answered: number;
  /** Imports that ended without one: a 4xx, or no 2xx before their deadline. */
  readonly unanswered: readonly string[];
  /** HTTP requests made in all, retries included, and the imports that needed more than one. */
  readonly requests: number;
  readonly retriedImports: number;
  /** Certificates of the tenant in the database. */
  readonly stored: number;
  /** 2xx answers whose certificate is not stored under the id and name answered. */
  readonly lost: number;
  /** Names or ids stored more than once. */
  readonly duplicated: number;
  /** What was killed with SIGKILL. */
  readonly crashed: readonly string[];
  /** Imports started but not answered when the crash happened, and how long after it the last of them got its 2xx. */
  readonly inFlightAtCrash: number;
  readonly inFlightRecoveredMs: number;
  readonly elapsedMs: number;
}

interface Answer {
  readonly id: number;
  readonly alias: string;
}

/**
 * `plan.imports` Rainbond imports through the two gateways, each with its own Idempotency-Key, retried the way
 * a real client retries (network errors, 5xx and 429, with back-off, switching gateway). Once `crashAfter` are
 * answered, one NATS node (the one leading the command stream) and one instance of every service are killed
 * with SIGKILL and started again `downMs` later. Then what the clients were told is compared with what is stored.
 */
export async function runFailoverImports(deployment: ClusterDeployment, team: { readonly id: string; readonly token: string }, plan: FailoverPlan): Promise<FailoverReport> {
  const started = Date.now();
  const gateways = deployment.instances.gateway;
  const answers = new Map<number, Answer>();
  const unanswered: string[] = [];
  const inFlight = new Set<number>();
  let requests = 0;
  let retriedImports = 0;
  let crash: Crash | null = null;

  const importOne = async (index: number) => {
    const cert = await createTestCertificate({ keyType: 'p256', commonName: `failover-${index}.example.com` });
    const body = JSON.stringify(serverCertificateBody(cert, `failover-${index}`));
    const deadline = Date.now() + plan.importDeadlineMs;
    inFlight.add(index);
    let last = '';
    for (let attempt = 0; Date.now() < deadline; attempt += 1) {
      if (attempt === 1) retriedImports += 1;
      const gateway = gateways[(index + attempt) % gateways.length] as ServiceInstance;
      requests += 1;
      const outcome = await fetch(rainbondCertificatesUrl(gateway.url, team.id), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: team.token, 'idempotency-key': `failover-${index}` },
        body,
        signal: AbortSignal.timeout(30_000),
      }).then(
        async (response) => ({ status: response.status, text: await response.text() }),
        (error: unknown) => ({ status: 0, text: String(error) }),
      );
      if (outcome.status === 200) {
        answers.set(index, JSON.parse(outcome.text) as Answer);
        inFlight.delete(index);
        const current = crash as Crash | null;
        if (current?.waitingFor.delete(index)) current.lastRecovered = Date.now();
        return;
      }
      last = `${outcome.status} ${outcome.text.slice(0, 200)}`;
      const retryable = outcome.status === 0 || outcome.status === 429 || outcome.status >= 500;
      if (!retryable) break;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 50 * 2 ** attempt) + Math.random() * 100));
    }
    inFlight.delete(index);
    unanswered.push(`failover-${index}: ${last}`);
  };

  const crashOnce = () => {
    if (crash || answers.size < plan.crashAfter) return;
    crash = new Crash(deployment, new Set(inFlight), plan.downMs);
  };

  let next = 0;
  await Promise.all(
    Array.from({ length: plan.concurrency }, async () => {
      while (next < plan.imports) {
        const index = next;
        next += 1;
        crashOnce();
        await importOne(index);
      }
    }),
  );
  const happened = crash as Crash | null;
  await happened?.restarted;

  const stored = await deployment.db
    .collection<{ _id: number; tenantId: string; name: string }>('certificates')
    .find({ tenantId: team.id }, { projection: { _id: 1, name: 1 } })
    .toArray();
  const idsByName = new Map<string, number[]>();
  for (const doc of stored) idsByName.set(doc.name, [...(idsByName.get(doc.name) ?? []), doc._id]);
  const lost = [...answers.values()].filter((answer) => !(idsByName.get(answer.alias) ?? []).includes(answer.id)).length;
  const duplicated = [...idsByName.values()].filter((ids) => ids.length > 1).length;

  return {
    sent: plan.imports,
    answered: answers.size,
    unanswered,
    requests,
    retriedImports,
    stored: stored.length,
    lost,
    duplicated,
    crashed: happened?.crashed ?? [],
    inFlightAtCrash: happened?.inFlightAtCrash ?? 0,
    inFlightRecoveredMs: happened ? happened.lastRecovered - happened.at : 0,
    elapsedMs: Date.now() - started,
  };
}

/** One NATS node and the first instance of every service, killed with SIGKILL at once and started again later. */
class Crash {
  readonly at = Date.now();
  readonly inFlightAtCrash: number;
  lastRecovered = this.at;
  readonly crashed: string[] = [];
  readonly restarted: Promise<void>;

  constructor(
    deployment: ClusterDeployment,
    /** Imports in flight at the crash, removed as each gets its 2xx. */
    readonly waitingFor: Set<number>,
    downMs: number,
  ) {
    this.inFlightAtCrash = waitingFor.size;
    const victims = [deployment.instances.gateway[0], deployment.instances.parser[0], deployment.instances.storage[0]] as ServiceInstance[];
    this.restarted = (async () => {
      const node = await commandStreamLeader(deployment);
      this.crashed.push(`nats ${node.name}`, ...victims.map((victim) => victim.label));
      await Promise.all([node.kill(), ...victims.map((victim) => victim.kill())]);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await node.start();
      await Promise.all(victims.map((victim) => victim.start()));
    })();
  }
}

/** The node leading the command stream: losing it forces JetStream to elect another while commands arrive. */
async function commandStreamLeader(deployment: ClusterDeployment) {
  const jsm = await deployment.inspector.jetstreamManager();
  const leader = (await jsm.streams.info(Streams.commands.name)).cluster?.leader;
  const node = deployment.cluster.nodes.find((candidate) => candidate.name === leader) ?? deployment.cluster.nodes[0];
  if (!node) throw new Error('the cluster has no nodes');
  return node;
}
