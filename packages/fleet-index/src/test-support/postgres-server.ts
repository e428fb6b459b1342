import { chown, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBinaries } from './postgres-binaries.ts';
import { type Cluster, initCluster, stopCluster, stopClusterSync } from './postgres-cluster.ts';
import { resolveServerUser } from './server-user.ts';
import { startCluster } from './start-cluster.ts';

export { createDatabase, runSql } from './psql.ts';

/** Options of {@link startPostgresServer}. */
export interface StartPostgresServerOptions {
  /** Progress lines (initdb, port, ready, stopped); silent by default. */
  log?: (line: string) => void;
}

/** A running throw-away PostgreSQL server. */
export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, trust auth, loopback only. */
  url: string;
  /** The temporary directory holding the cluster, its socket and its log; gone after `stop()`. */
  dir: string;
  /** Stops the server at once (no checkpoint) and deletes `dir`; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts a private PostgreSQL server for one test run: initdb into a fresh temporary directory,
 * listen on a free 127.0.0.1 port with durability off, wait until it answers. As root the
 * cluster belongs to the `postgres` system user, since PostgreSQL refuses to run as root.
 * A process 'exit' hook stops it if the caller never does. Without PostgreSQL installed it
 * throws a one-line Error naming the command to run.
 *
 * @example
 * const server = await startPostgresServer({ log: console.log });
 * const url = await createDatabase(server.url, 'leases_test');
 * await server.stop();
 */
export async function startPostgresServer(options: StartPostgresServerOptions = {}): Promise<PostgresServer> {
  const log = options.log ?? (() => {});
  const bin = findPostgresBinaries();
  const user = await resolveServerUser();
  const dir = await mkdtemp(join(tmpdir(), 'fc-fleet-pg-'));
  const cluster: Cluster = {
    bin,
    dir,
    dataDir: join(dir, 'data'),
    logFile: join(dir, 'server.log'),
    asUser: user?.name,
  };
  const stopOnExit = () => stopClusterSync(cluster);
  process.on('exit', stopOnExit);
  try {
    if (user) await chown(dir, user.uid, user.gid);
    log(`postgres: initdb ${cluster.dataDir}${user ? ` as ${user.name}` : ''} (${bin.binDir})`);
    await initCluster(cluster);
    const port = await startCluster(cluster, log);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    log(`postgres: ready at ${url}`);
    let stopping: Promise<void> | undefined;
    const stop = () => {
      process.off('exit', stopOnExit);
      stopping ??= stopCluster(cluster, log);
      return stopping;
    };
    return { url, dir, stop };
  } catch (error) {
    process.off('exit', stopOnExit);
    stopClusterSync(cluster);
    throw error;
  }
}
