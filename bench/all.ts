import { cfsslAvailable, measureCfssl } from './cfssl-certinfo';
import { formatFailover, measureClusterFailover } from './cluster-failover';
import { measureEndToEnd } from './e2e-imports';
import { measureInProcessFloor } from './in-process-floor';
import { benchArgs } from './support/bench-args';
import { benchCertificates } from './support/bench-certificates';
import { formatFigures } from './support/percentiles';

/** (a), (b) and (c) on the same certificates, one after another (never concurrently), and their ratios. */
async function main(): Promise<void> {
  const args = benchArgs();
  const certificates = await benchCertificates(args.certificates);
  console.log(`node ${process.version}, ${args.certificates} RSA-2048 certificates, ${args.seconds} s per phase\n`);
  const floor = await measureInProcessFloor(certificates, args.seconds);
  console.log(formatFigures(floor));
  const cfssl = cfsslAvailable() ? await measureCfssl(certificates, args.seconds) : null;
  console.log(cfssl ? formatFigures(cfssl) : '(c) cfssl certinfo: skipped, cfssl is not installed');
  const endToEnd = await measureEndToEnd(certificates, args.seconds);
  for (const figures of endToEnd) console.log(`${formatFigures(figures)}\n${figures.cpu}`);

  const at64 = endToEnd.find((figures) => figures.concurrency === 64);
  if (at64) {
    console.log(`\n(a)/(b) gateway at 64 clients vs in-process floor: ${(at64.perSecond / floor.perSecond).toFixed(2)}`);
    if (cfssl) console.log(`(a)/(c) gateway at 64 clients vs cfssl certinfo:    ${(at64.perSecond / cfssl.perSecond).toFixed(2)}`);
  }
  if (args.cluster) console.log(`\n${formatFailover(await measureClusterFailover(2_000))}`);
}

void main();
