import { parseArgs } from 'node:util';

export interface BenchArgs {
  readonly seconds: number;
  readonly certificates: number;
  readonly imports: number;
}

export function benchArgs(): BenchArgs {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '15' },
      certificates: { type: 'string', default: '400' },
      imports: { type: 'string', default: '100000' },
    },
  });
  return { seconds: Number(values.seconds), certificates: Number(values.certificates), imports: Number(values.imports) };
}
