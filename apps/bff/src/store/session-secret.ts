import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BffEnv } from '../env.ts';
import { secretProblem } from '../middleware/secret-strength.ts';
import { embeddedDataDir } from './open-index.ts';

/** The file, in the embedded index's directory, that keeps the secret when FC_SESSION_SECRET is not set. */
export const SECRET_FILE = 'fc-fleet-session-secret';

/** The secret the BFF signs sessions and cursors and keys environment prints with, and where it came from. */
export interface SessionSecret {
  secret: string;
  /** `env`: FC_SESSION_SECRET; `data-dir`: kept in the embedded index's directory; `process`: made for this process only. */
  source: 'env' | 'data-dir' | 'process';
  /** The file, for `data-dir`. */
  path?: string;
}

const fresh = () => randomBytes(48).toString('base64url');

/**
 * FC_SESSION_SECRET when set. Otherwise, with the embedded index on disk, a secret made once and
 * kept next to it (mode 0600), so sessions, list cursors and environment prints survive a restart
 * as the index does. With the index in memory (the demo) or in PostgreSQL, one for this process
 * only: replicas must share FC_SESSION_SECRET, which the README says. A kept file that is not a
 * secret FC Fleet wrote throws a message naming the file and the way out (never its content).
 * @example const { secret, source } = await sessionSecret(env, { demo: false });
 */
export async function sessionSecret(env: BffEnv, options: { demo: boolean }): Promise<SessionSecret> {
  if (env.FC_SESSION_SECRET) return { secret: env.FC_SESSION_SECRET, source: 'env' };
  const dir = env.FC_DATABASE_URL ? undefined : embeddedDataDir(env, options.demo);
  if (!dir) return { secret: fresh(), source: 'process' };
  const path = join(dir, SECRET_FILE);
  const kept = await readKept(path);
  if (kept !== undefined) return { secret: kept, source: 'data-dir', path };
  try {
    // `wx`: of two processes starting at once, one writes and the other reads what it wrote.
    await writeFile(path, `${fresh()}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const written = await readKept(path);
  if (written === undefined) throw new Error(`${path} vanished while FC Fleet was creating it; start again`);
  return { secret: written, source: 'data-dir', path };
}

async function readKept(path: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(
      `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}): give FC Fleet access to it, or set FC_SESSION_SECRET`,
    );
  }
  const secret = text.trim();
  if (!/^[A-Za-z0-9_-]{43,}$/.test(secret) || secretProblem(secret, 32) !== undefined)
    throw new Error(
      `${path} does not hold a secret FC Fleet wrote: delete it (sessions and list cursors start over) or set FC_SESSION_SECRET`,
    );
  return secret;
}
