/**
 * Polls `check` until it holds, failing after `timeoutMs`: for tests that wait on another process or the
 * bus, where there is no event to await.
 */
export async function eventually(check: () => boolean | Promise<boolean>, { timeoutMs = 10_000, intervalMs = 25 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
