import { sealPrivateKey } from '@certhub/key-envelope';
import type { TestCertificate } from '@certhub/testing';
import { createPrivateKey, randomBytes } from 'node:crypto';
import { describeCertificate } from '../apps/parser-service/src/certificates/certificate/certificate-metadata';
import { assertKeyMatches } from '../apps/parser-service/src/certificates/key/key-match';
import { readCertificateField } from '../apps/parser-service/src/certificates/certificate/certificate-fields';
import { readPrivateKey } from '../apps/parser-service/src/certificates/key/private-key';
import { inspectImport } from '../apps/parser-service/src/certificates';
import { benchArgs } from './support/bench-args';
import { benchCertificates } from './support/bench-certificates';

/**
 * Where the parser's time goes, per stage, on the same certificates as the other benchmarks: each stage run
 * over every certificate in turn, timed as a whole. Run once to find the hot path; nothing here is asserted.
 */
async function main(): Promise<void> {
  const args = benchArgs();
  const certificates: readonly TestCertificate[] = await benchCertificates(args.certificates);
  const rounds = 5;
  const time = (label: string, stage: (cert: TestCertificate) => unknown) => {
    for (const cert of certificates) stage(cert); // warm-up
    const started = performance.now();
    for (let round = 0; round < rounds; round += 1) for (const cert of certificates) stage(cert);
    const perCallUs = ((performance.now() - started) * 1_000) / (rounds * certificates.length);
    console.log(`${label.padEnd(52)} ${perCallUs.toFixed(0).padStart(6)} µs`);
  };
  const kek = { id: 'bench', key: randomBytes(32) };

  time('PEM → @peculiar/x509 certificate (readCertificateField)', (cert) => readCertificateField(cert.certificatePem));
  const parsed = new Map(certificates.map((cert) => [cert, readCertificateField(cert.certificatePem).leaf]));
  time('metadata from the parsed certificate', (cert) => describeCertificate(parsed.get(cert) as never));
  time('PEM private key → KeyObject (OpenSSL, for comparison)', (cert) => createPrivateKey(cert.privateKeyPem));
  time('PEM private key → key (readPrivateKey)', (cert) => readPrivateKey(cert.privateKeyPem));
  const keys = new Map(certificates.map((cert) => [cert, readPrivateKey(cert.privateKeyPem)]));
  time('key match (SPKI comparison)', (cert) => assertKeyMatches(keys.get(cert) as never, parsed.get(cert) as never, []));
  time('PKCS#8 export + seal (AES-256-GCM envelope)', (cert) =>
    sealPrivateKey(keys.get(cert)?.pkcs8Der() as Buffer, 'bench', kek));
  // Warmed up and repeated like the stages, so the whole is comparable with their sum.
  const inspectAll = async () => {
    for (const cert of certificates) await inspectImport({ certificate: cert.certificatePem, privateKey: cert.privateKeyPem });
  };
  await inspectAll();
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) await inspectAll();
  console.log(`${'whole inspectImport'.padEnd(52)} ${(((performance.now() - started) * 1_000) / (rounds * certificates.length)).toFixed(0).padStart(6)} µs`);
}

void main();
