import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'fc-fleet.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data directory for this process (a lock file holding its pid), so two BFF processes
 * never open one embedded index. A lock left by a process that is gone is taken over. Returns the
 * release function.
 * @example const release = acquireDirectoryLock('/var/lib/fc-fleet'); ... release();
 */
export function acquireDirectoryLock(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
        throw new Error(
          `The index in ${dir} is already open in process ${holder}. Stop that process, or give this one another FC_DATA_DIR; several processes share an index only through FC_DATABASE_URL (PostgreSQL).`,
        );
      }
      if (holder === process.pid) {
        throw new Error(`The index in ${dir} is already open in this process.`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${path}.`);
}
