import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system) each process started by this bench has used so far, by a readable name. */
export type CpuSnapshot = ReadonlyMap<string, number>;

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/**
 * Every descendant of this process (the services, the embedded MongoDB-protocol server, nats-server), each
 * counted with all its threads (/proc/<pid>/stat covers them), plus this process as the HTTP load generator.
 * Linux only: reads /proc.
 */
export function cpuSnapshot(): CpuSnapshot {
  const processes = new Map<number, { parent: number; name: string; ms: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which may itself hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1_000) / TICKS_PER_SECOND;
      processes.set(Number(entry), { parent: Number(fields[1]), name: nameOf(readFileSync(`/proc/${entry}/cmdline`, 'utf8')), ms });
    } catch {
      // The process ended between listing and reading.
    }
  }
  const snapshot = new Map<string, number>();
  const self = process.cpuUsage();
  snapshot.set('bench client', (self.user + self.system) / 1_000);
  const queue = [process.pid];
  while (queue.length > 0) {
    const parent = queue.shift() as number;
    for (const [pid, info] of processes) {
      if (info.parent !== parent) continue;
      queue.push(pid);
      snapshot.set(info.name, (snapshot.get(info.name) ?? 0) + info.ms);
    }
  }
  return snapshot;
}

function nameOf(cmdline: string): string {
  const args = cmdline.split('\0');
  if (args.some((arg) => arg.endsWith('nats-server'))) return 'nats-server';
  if (args.some((arg) => arg.includes('embedded-mongo'))) return 'embedded mongo';
  const app = args.map((arg) => /dist\/apps\/([a-z-]+)\/main\.js$/.exec(arg)?.[1]).find(Boolean);
  return app ?? (args[0] ?? 'other');
}

/**
 * CPU milliseconds per completed operation for each process between two snapshots, and the rate the machine's
 * cores could sustain if that total were the only cost (every process here shares the same cores).
 */
export function formatCpuPerOperation(before: CpuSnapshot, after: CpuSnapshot, completed: number): string {
  const parts: string[] = [];
  let total = 0;
  for (const [name, ms] of after) {
    const used = (ms - (before.get(name) ?? 0)) / Math.max(completed, 1);
    if (used < 0.005) continue;
    total += used;
    parts.push(`${name} ${used.toFixed(2)}`);
  }
  const cores = availableParallelism();
  return `    CPU ms per import: ${parts.join(', ')}; total ${total.toFixed(2)} (${cores} cores: at most ${Math.floor((cores * 1_000) / total)}/s)`;
}
