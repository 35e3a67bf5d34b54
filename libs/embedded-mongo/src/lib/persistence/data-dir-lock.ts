import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'embedded-mongo.lock';

/** Lock files this process holds: a lock naming our own pid that is not in here is stale (pid reuse). */
const heldHere = new Set<string>();

/** Whether a process with this pid exists (EPERM: it does, but belongs to someone else). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data directory for this process: two servers replaying and appending to the same journal would
 * corrupt it. A lock left by a process that no longer exists (a crash) is taken over.
 * Returns the function that releases it.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        try {
          unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      // In a container a restarted server often gets the pid of the one that crashed: that lock is stale.
      const ours = owner === process.pid && !heldHere.has(path);
      if (Number.isInteger(owner) && owner > 0 && !ours && isAlive(owner)) {
        throw new Error(
          `embedded-mongo: data directory ${dir} is already in use by process ${owner} (lock file ${path}); ` +
            'stop that server first, or delete the lock file if no server is running',
        );
      }
      try {
        unlinkSync(path);
      } catch {
        // Another process removed the stale lock first; the next attempt finds out who holds it now.
      }
    }
  }
  throw new Error(`embedded-mongo: could not lock data directory ${dir} (lock file ${path})`);
}

/** The pid written in the lock file; NaN when it vanished or holds no pid (both mean: stale). */
function readOwner(path: string): number {
  try {
    return Number.parseInt(readFileSync(path, 'utf8'), 10);
  } catch {
    return Number.NaN;
  }
}
