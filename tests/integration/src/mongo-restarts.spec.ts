import { createTestCertificate, type TestCertificate } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import type { HttpAnswer } from './support/http-client';
import { newRainbondTeam, serverCertificateBody, type RainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
let team: RainbondTeam;
let cert: TestCertificate;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  team = await newRainbondTeam(env);
  cert = await createTestCertificate({ keyType: 'p256' });
});
afterAll(async () => env?.close());

/** How long MongoDB stays away each time: shorter and longer than the driver's 2 s server selection timeout. */
const OUTAGES_MS = [300, 1_500, 6_000, 300, 3_000];
const RESTARTS = OUTAGES_MS.length;
const CLIENTS = 8;
/** Generous for a loopback restart: the driver polls every 2 s and storage re-checks as often. */
const RECOVERY_BOUND_MS = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bodyFor = (alias: string) => serverCertificateBody(cert, alias);

interface Sent {
  readonly alias: string;
  readonly answer: HttpAnswer;
}

/** Clients importing without pause until told to stop, as a busy tenant would during the outages. */
function importLoad(): { stop(): Promise<Sent[]> } {
  let running = true;
  const sent: Sent[] = [];
  const client = async () => {
    while (running) {
      const alias = `load-${randomUUID()}`;
      sent.push({ alias, answer: await team.add(bodyFor(alias)) });
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  return {
    stop: async () => {
      running = false;
      await Promise.all(clients);
      return sent;
    },
  };
}

async function storageSaysDatabaseUp(): Promise<boolean> {
  const answer = await fetch(`${env.stack.healthUrl('storage')}/health/ready`).catch(() => null);
  if (answer === null) return false;
  const body = (await answer.json()) as { mongodb?: boolean };
  return body.mongodb === true;
}

/** Milliseconds from MongoDB being back until storage both says so and stores an import again. */
async function recoveryTime(attempt: number): Promise<number> {
  const startedAt = Date.now();
  let probe = 0;
  for (;;) {
    const alias = `probe-${attempt}-${(probe += 1)}`;
    if ((await storageSaysDatabaseUp()) && (await team.add(bodyFor(alias))).status === 200) return Date.now() - startedAt;
    if (Date.now() - startedAt > RECOVERY_BOUND_MS) return Number.POSITIVE_INFINITY;
    await sleep(250);
  }
}

describe('MongoDB restarted again and again under load', () => {
  it(`storage recovers each of ${RESTARTS} times without a restart of its own, and every 200 is stored once`, async () => {
    const load = importLoad();
    const recoveries: number[] = [];
    for (let attempt = 1; attempt <= RESTARTS; attempt += 1) {
      // Let the load get going, so the database goes away with operations in flight.
      await sleep(1_000 + attempt * 300);
      await env.stopMongo();
      await sleep(OUTAGES_MS[attempt - 1] ?? 0);
      await env.startMongo();
      recoveries.push(await recoveryTime(attempt));
    }
    const sent = await load.stop();

    expect(recoveries.every((ms) => ms <= RECOVERY_BOUND_MS)).toBe(true);
    // Every answer is final: stored (200) or refused while the database was away (503), nothing else.
    const statuses = new Set(sent.map(({ answer }) => answer.status));
    expect([...statuses].filter((status) => status !== 200 && status !== 503)).toEqual([]);
    const accepted = sent.filter(({ answer }) => answer.status === 200).map(({ alias }) => alias);
    expect(accepted.length).toBeGreaterThan(RESTARTS);
    const stored = await env.db
      .collection<{ name: string }>('certificates')
      .aggregate<{ _id: string; count: number }>([{ $match: { tenantId: team.id, name: { $in: accepted } } }, { $group: { _id: '$name', count: { $sum: 1 } } }])
      .toArray();
    expect(stored.filter(({ count }) => count !== 1)).toEqual([]);
    expect(stored).toHaveLength(accepted.length);
  });
});
