import { findPostgresBinaries } from './postgres-binaries.ts';
import { runCommand } from './run-command.ts';

/**
 * Runs SQL through `psql` (no psqlrc, stop on the first error) and resolves with the unaligned,
 * tuples-only output, trimmed: one line per row, columns separated by `|`. Lets test support
 * work without the `pg` npm package.
 *
 * @example
 * await runSql(url, 'select 1'); // '1'
 */
export async function runSql(url: string, sql: string): Promise<string> {
  const { psql } = findPostgresBinaries();
  const out = await runCommand(
    psql,
    ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql],
    {
      timeoutMs: 30_000,
    },
  );
  return out.trim();
}

/**
 * Creates an empty database on the server behind `url` and resolves with its URL, so parallel
 * test files each get their own. Names are lower-case identifiers (`[a-z_][a-z0-9_]*`, at most
 * 63 characters), which need no quoting rules beyond double quotes.
 *
 * @example
 * const dbUrl = await createDatabase(server.url, `t_${process.pid}_leases`);
 * // 'postgres://postgres@127.0.0.1:41873/t_1234_leases'
 */
export async function createDatabase(url: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`database name ${JSON.stringify(name)} must match [a-z_][a-z0-9_]{0,62}`);
  }
  await runSql(url, `create database "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}
