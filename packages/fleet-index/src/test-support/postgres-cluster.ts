import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { PostgresBinaries } from './postgres-binaries.ts';
import { runCommand, runCommandSync } from './run-command.ts';

/** One throw-away cluster: its programs, its directory and the user that owns it. */
export interface Cluster {
  bin: PostgresBinaries;
  /** Temporary directory holding `data/`, `server.log` and the Unix socket. */
  dir: string;
  dataDir: string;
  logFile: string;
  /** Set when running as root: the unprivileged user that owns `dir` and runs the server. */
  asUser: string | undefined;
}

const INITDB_OPTIONS = [
  '--auth=trust',
  '--username=postgres',
  '--encoding=UTF8',
  '--locale=C.UTF-8',
  '--no-sync',
];

/**
 * Creates the cluster with trust authentication for `postgres`, UTF-8 and no fsync during setup.
 *
 * @example
 * await initCluster({ bin, dir, dataDir: `${dir}/data`, logFile: `${dir}/server.log`, asUser: 'postgres' });
 */
export async function initCluster(cluster: Cluster): Promise<void> {
  try {
    await runCommand(cluster.bin.initdb, ['-D', cluster.dataDir, ...INITDB_OPTIONS], {
      cwd: cluster.dir,
      asUser: cluster.asUser,
      timeoutMs: 120_000,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (!cluster.asUser || !/permission denied/i.test(reason)) throw error;
    // As root the cluster belongs to another user, who cannot enter e.g. a TMPDIR under /root.
    throw new Error(`${reason}\nuser ${cluster.asUser} cannot reach ${cluster.dir}; point TMPDIR at /tmp`, {
      cause: error,
    });
  }
}

/**
 * Stops the server without a checkpoint (nothing in it is kept) and deletes the directory; a
 * server that is already gone is only logged.
 *
 * @example
 * await stopCluster(cluster, console.log);
 */
export async function stopCluster(cluster: Cluster, log: (line: string) => void): Promise<void> {
  try {
    await runCommand(cluster.bin.pgCtl, stopArgs(cluster), {
      cwd: cluster.dir,
      asUser: cluster.asUser,
      timeoutMs: 40_000,
    });
  } catch (error) {
    log(`postgres: pg_ctl stop: ${error instanceof Error ? error.message : String(error)}`);
  }
  await rm(cluster.dir, { recursive: true, force: true });
  log(`postgres: stopped, removed ${cluster.dir}`);
}

/**
 * The same as {@link stopCluster}, synchronously and silently, for a process 'exit' handler.
 *
 * @example
 * process.on('exit', () => stopClusterSync(cluster));
 */
export function stopClusterSync(cluster: Cluster): void {
  runCommandSync(cluster.bin.pgCtl, stopArgs(cluster), {
    cwd: cluster.dir,
    asUser: cluster.asUser,
    timeoutMs: 40_000,
  });
  rmSync(cluster.dir, { recursive: true, force: true });
}

function stopArgs(cluster: Cluster): string[] {
  return ['stop', '-s', '-D', cluster.dataDir, '-m', 'immediate', '-w', '-t', '30'];
}
