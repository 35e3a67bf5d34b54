import { startClusterDeployment } from '../tests/integration/src/support/cluster-deployment';
import { createToken } from '../tests/integration/src/support/credentials';
import { runFailoverImports, type FailoverPlan, type FailoverReport } from '../tests/integration/src/support/failover-imports';

/** The same run as tests/integration/src/cluster-failover.spec.ts, with its counts printed instead of asserted. */
export async function measureClusterFailover(imports: number): Promise<FailoverReport> {
  const deployment = await startClusterDeployment({ perService: 2 });
  try {
    const team = { id: 'bench-cluster', token: await createToken({ nats: deployment.cluster, stack: { keks: deployment.keks } }, 'bench-cluster') };
    const plan: FailoverPlan = { imports, concurrency: 16, crashAfter: Math.floor(imports / 4), downMs: 3_000, importDeadlineMs: 180_000 };
    return await runFailoverImports(deployment, team, plan);
  } finally {
    await deployment.close();
  }
}

export function formatFailover(report: FailoverReport): string {
  return [
    `cluster failover: 3 NATS nodes (R3), 2 instances of each service; killed with SIGKILL: ${report.crashed.join(', ')}`,
    `  imports ${report.sent}, answered 2xx ${report.answered}, unanswered ${report.unanswered.length}, stored ${report.stored}, lost ${report.lost}, duplicated ${report.duplicated}`,
    `  HTTP requests ${report.requests} (${report.retriedImports} imports retried), in ${(report.elapsedMs / 1000).toFixed(1)} s`,
    `  ${report.inFlightAtCrash} imports in flight at the crash; the last of them answered ${(report.inFlightRecoveredMs / 1000).toFixed(1)} s after it`,
  ].join('\n');
}

if (require.main === module) {
  const imports = Number(process.argv.find((arg) => arg.startsWith('--imports='))?.split('=')[1] ?? 2_000);
  void measureClusterFailover(imports).then((report) => console.log(formatFailover(report)));
}
