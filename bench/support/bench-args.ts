import { parseArgs } from 'node:util';

export interface BenchArgs {
  readonly seconds: number;
  readonly certificates: number;
  readonly imports: number;
  /** `--no-cluster` skips the cluster failover run at the end of `npm run bench`. */
  readonly cluster: boolean;
}

export function benchArgs(): BenchArgs {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '15' },
      certificates: { type: 'string', default: '400' },
      imports: { type: 'string', default: '100000' },
      'no-cluster': { type: 'boolean', default: false },
    },
  });
  return { seconds: Number(values.seconds), certificates: Number(values.certificates), imports: Number(values.imports), cluster: !values['no-cluster'] };
}
