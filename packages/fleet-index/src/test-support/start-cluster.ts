import { readFile, rm } from 'node:fs/promises';
import { findFreePort } from './free-port.ts';
import type { Cluster } from './postgres-cluster.ts';
import { runCommand } from './run-command.ts';

const START_ATTEMPTS = 5;
const READY_TIMEOUT_SECONDS = 30;

/**
 * Starts the cluster on a free 127.0.0.1 port, retrying with another port when one was taken in
 * between, and resolves with the port once a TCP client is answered (30 s at most per attempt).
 * A failure carries the tail of the server log.
 *
 * @example
 * const port = await startCluster(cluster, console.log);
 */
export async function startCluster(cluster: Cluster, log: (line: string) => void): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    await rm(cluster.logFile, { force: true });
    try {
      await runCommand(
        cluster.bin.pgCtl,
        [
          'start',
          '-s',
          '-D',
          cluster.dataDir,
          '-l',
          cluster.logFile,
          '-w',
          '-t',
          `${READY_TIMEOUT_SECONDS}`,
          '-o',
          serverOptions(cluster.dir, port),
        ],
        { cwd: cluster.dir, asUser: cluster.asUser, timeoutMs: (READY_TIMEOUT_SECONDS + 10) * 1000 },
      );
      // pg_ctl only saw the postmaster report "ready"; prove the TCP listener answers too.
      await runCommand(
        cluster.bin.pgIsready,
        ['-q', '-h', '127.0.0.1', '-p', `${port}`, '-U', 'postgres', '-d', 'postgres', '-t', '10'],
        { timeoutMs: 15_000 },
      );
      return port;
    } catch (error) {
      const tail = await logTail(cluster.logFile);
      if (attempt < START_ATTEMPTS && /could not bind|address already in use/i.test(tail)) {
        log(`postgres: port ${port} was taken; trying another`);
        continue;
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `PostgreSQL did not accept connections on 127.0.0.1:${port} within ${READY_TIMEOUT_SECONDS} s: ${reason}\n` +
          `--- server log (last lines) ---\n${tail}`,
      );
    }
  }
}

/** Server settings for pg_ctl's `-o`, which pg_ctl hands to /bin/sh: every one is quoted. */
function serverOptions(dir: string, port: number): string {
  const settings = [
    'listen_addresses=127.0.0.1',
    `port=${port}`,
    `unix_socket_directories=${dir}`,
    'fsync=off',
    'synchronous_commit=off',
    'full_page_writes=off',
    'max_connections=50',
  ];
  return settings.map((setting) => `-c '${setting.replaceAll("'", `'\\''`)}'`).join(' ');
}

async function logTail(logFile: string, lines = 20): Promise<string> {
  const text = await readFile(logFile, 'utf8').catch(() => '(no server log was written)');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
