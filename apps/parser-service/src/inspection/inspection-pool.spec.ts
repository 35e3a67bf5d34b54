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

  it('fails every upload of the batch a dying worker held, and only those', async () => {
    let started = 0;
    // The first worker answers its first batch (as a refusal), and dies on its second.
    const dyingOnSecond = `
      const { parentPort } = require('node:worker_threads');
      if (globalThis.batches === undefined) globalThis.batches = 0;
      if (globalThis.batches++ > 0) process.exit(3);
      parentPort.postMessage(task.map((one) => ({ id: one.id, ok: false, code: 'CERT_PARSE_FAILED', message: 'refused' })));
    `;
    const factory: InspectionWorkerFactory = () => (started++ === 0 ? startScriptedWorker(dyingOnSecond) : startTypeScriptInspectionWorker());
    pool = new InspectionPool(1, factory);

    // The first upload goes alone; the three sent while it is held wait, and go together as the second batch.
    const held = await Promise.allSettled(Array.from({ length: 4 }, () => pool?.inspect(material())));
    const after = await pool.inspect(material());

    expect(held.map((result) => (result.status === 'rejected' ? (result.reason as CerthubError).code : 'ok'))).toEqual(['CERT_PARSE_FAILED', 'INTERNAL', 'INTERNAL', 'INTERNAL']);
    expect(after.metadata.commonName).toBe('pool.example.com');
    expect(started).toBe(2);
  }, 30_000);

  it('answers every upload when more wait than there are workers', async () => {
    pool = new InspectionPool(2, startTypeScriptInspectionWorker);

    const answers = await Promise.all(Array.from({ length: 6 }, () => pool?.inspect(material())));

    expect(answers.map((answer) => answer?.metadata.commonName)).toEqual(Array(6).fill('pool.example.com'));
  }, 60_000);
});
