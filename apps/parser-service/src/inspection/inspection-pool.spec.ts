import { CerthubError } from '@certhub/contracts';
import { createTestCertificate, type TestCertificate } from '@certhub/testing';
import { createPrivateKey } from 'node:crypto';
import { InspectionPool, type InspectionWorkerFactory } from './inspection-pool';
import { startScriptedWorker, startTypeScriptInspectionWorker } from './inspection-worker.spec-support';

let cert: TestCertificate;
let pool: InspectionPool | undefined;
beforeAll(async () => {
  cert = await createTestCertificate({ keyType: 'p256', commonName: 'pool.example.com', sans: ['pool.example.com', 'www.pool.example.com'] });
});
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

const material = () => ({ certificate: cert.certificatePem, privateKey: cert.privateKeyPem });
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the inspection succeeded');
    },
    (error: unknown) => error,
  );

describe('InspectionPool', () => {
  it('inspects on a worker thread and hands back the metadata and the key as PKCS#8 DER', async () => {
    pool = new InspectionPool(1, startTypeScriptInspectionWorker);

    const inspected = await pool.inspect(material());

    expect(inspected.metadata).toMatchObject({ commonName: 'pool.example.com', subjectAltNames: { dns: ['pool.example.com', 'www.pool.example.com'] } });
    expect(Buffer.isBuffer(inspected.privateKeyPkcs8Der)).toBe(true);
    expect(inspected.privateKeyPkcs8Der.equals(createPrivateKey(cert.privateKeyPem).export({ type: 'pkcs8', format: 'der' }))).toBe(true);
  }, 30_000);

  it("refuses a bad upload with the parser's own CerthubError code and message", async () => {
    pool = new InspectionPool(1, startTypeScriptInspectionWorker);

    const error = await failureOf(pool.inspect({ ...material(), certificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' }));

    expect(error).toBeInstanceOf(CerthubError);
    expect(error).toMatchObject({ code: 'CERT_PARSE_FAILED' });
  }, 30_000);

  it('keeps the event loop free while a worker is busy: a worker spinning forever does not stop timers here', async () => {
    pool = new InspectionPool(1, () => startScriptedWorker('for (;;) {}'));

    const pending = pool.inspect(material());
    const timerFired = await new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 20));

    expect(timerFired).toBe(true);
    void pending.catch(() => undefined);
  });

  it('fails only the upload a dying worker held (INTERNAL), replaces the worker, and goes on with the queue', async () => {
    let started = 0;
    const factory: InspectionWorkerFactory = () => (started++ === 0 ? startScriptedWorker('process.exit(3)') : startTypeScriptInspectionWorker());
    pool = new InspectionPool(1, factory);

    const [first, second] = await Promise.allSettled([pool.inspect(material()), pool.inspect(material())]);

    expect(first).toMatchObject({ status: 'rejected', reason: { code: 'INTERNAL' } });
    expect(second).toMatchObject({ status: 'fulfilled', value: { metadata: { commonName: 'pool.example.com' } } });
    expect(started).toBe(2);
  }, 30_000);

  it('hands waiting uploads to the idle workers in shares, one message each way per share', async () => {
    const batches: number[] = [];
    const counted: InspectionWorkerFactory = () => {
      const worker = startTypeScriptInspectionWorker();
      worker.on('message', (answers: unknown[]) => batches.push(answers.length));
      return worker;
    };
    pool = new InspectionPool(2, counted);
    // Both workers busy first, so the next 16 wait together.
    const first = [pool.inspect(material()), pool.inspect(material())];
    const waiting = Array.from({ length: 16 }, () => pool?.inspect(material()));

    const answers = await Promise.all([...first, ...waiting]);

    expect(answers.map((answer) => answer?.metadata.commonName)).toEqual(Array(18).fill('pool.example.com'));
    // One each at first; then the 16 in shares of at most 8: each worker takes 8 when it is free, in either order.
    expect(batches.sort((a, b) => a - b)).toEqual([1, 1, 8, 8]);
  }, 60_000);

  it('fails only the upload that kills a worker, even when it shared a batch: the others go again alone', async () => {
    // Refuses every upload (a quick answer), except the poisoned one, which kills the worker.
    const dyingOnPoison = `
      if (task.some((one) => one.material.certificate === 'poison')) process.exit(3);
      require('node:worker_threads').parentPort.postMessage(task.map((one) => ({ id: one.id, ok: false, code: 'CERT_PARSE_FAILED', message: 'refused' })));
    `;
    let started = 0;
    pool = new InspectionPool(1, () => {
      started += 1;
      return startScriptedWorker(dyingOnPoison);
    });
    const upload = (certificate: string) => pool?.inspect({ certificate, privateKey: 'key' });

    // The first goes alone; the three sent while it is held go together, the poisoned one among them.
    const results = await Promise.allSettled([upload('first'), upload('second'), upload('poison'), upload('fourth')]);

    expect(results.map((result) => (result.status === 'rejected' ? (result.reason as CerthubError).code : 'ok'))).toEqual(['CERT_PARSE_FAILED', 'CERT_PARSE_FAILED', 'INTERNAL', 'CERT_PARSE_FAILED']);
    // The worker died twice: with the batch, then with the poisoned upload alone.
    expect(started).toBe(3);
  }, 30_000);

  it('answers every upload when more wait than there are workers', async () => {
    pool = new InspectionPool(2, startTypeScriptInspectionWorker);

    const answers = await Promise.all(Array.from({ length: 6 }, () => pool?.inspect(material())));

    expect(answers.map((answer) => answer?.metadata.commonName)).toEqual(Array(6).fill('pool.example.com'));
  }, 60_000);
});
