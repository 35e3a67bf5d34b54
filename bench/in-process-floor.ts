import { sealPrivateKey } from '@certhub/key-envelope';
import type { TestCertificate } from '@certhub/testing';
import { MongoClient } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { inspectImport } from '../apps/parser-service/src/certificates';
import { benchArgs } from './support/bench-args';
import { startMongoProcess, stopMongoProcess } from './support/bench-stack';
import { runClosedLoop } from './support/closed-loop';
import { formatFigures, type LoadFigures } from './support/percentiles';

/**
 * (b) The floor: the same work without HTTP, NATS or separate services, in one process: parse and check with
 * the parser's own code, seal the key, insert one document into the same MongoDB-protocol server.
 */
export async function measureInProcessFloor(certificates: readonly TestCertificate[], seconds: number): Promise<LoadFigures> {
  const mongo = await startMongoProcess();
  const client = await MongoClient.connect(mongo.url);
  const collection = client.db('certhub').collection('certificates');
  await collection.createIndex({ tenantId: 1, name: 1 }, { unique: true });
  const kek = { id: 'bench', key: randomBytes(32) };
  let id = 0;
  const operation = (prefix: string) => async (sequence: number) => {
    const cert = certificates[sequence % certificates.length] as TestCertificate;
    const inspected = await inspectImport({ certificate: cert.certificatePem, privateKey: cert.privateKeyPem });
    const privateKey = sealPrivateKey(inspected.privateKeyPkcs8Der, 'bench-team', kek);
    await collection.insertOne({
      _id: (id += 1) as never,
      tenantId: 'bench-team',
      name: `${prefix}-${sequence}`,
      certificatePem: inspected.certificatePem,
      metadata: inspected.metadata,
      privateKey,
    });
    return true;
  };
  try {
    await runClosedLoop({ label: 'warm-up', concurrency: 64, seconds: 3, operation: operation('warm') });
    return await runClosedLoop({ label: '(b) in-process floor', concurrency: 64, seconds, operation: operation('floor') });
  } finally {
    await client.close();
    await stopMongoProcess(mongo);
  }
}

if (require.main === module) {
  void (async () => {
    const args = benchArgs();
    const { benchCertificates } = await import('./support/bench-certificates');
    console.log(formatFigures(await measureInProcessFloor(await benchCertificates(args.certificates), args.seconds)));
  })();
}
