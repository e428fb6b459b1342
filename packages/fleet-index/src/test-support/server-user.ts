import { runCommand } from './run-command.ts';

/** The unprivileged account that owns the test cluster when the tests run as root. */
export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
}

const DEDICATED_USER = 'fc-fleet-pg';

/**
 * PostgreSQL refuses to run as root, so as root this returns the `postgres` system user
 * (created by Debian's package), or a dedicated `fc-fleet-pg` system user it creates when
 * `postgres` is absent. As any other user it returns undefined: the server runs as that user.
 *
 * @example
 * const user = await resolveServerUser();
 * if (user) await chown(dir, user.uid, user.gid);
 */
export async function resolveServerUser(): Promise<ServerUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = (await lookUp('postgres')) ?? (await lookUp(DEDICATED_USER));
  if (existing) return existing;
  try {
    await runCommand('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      DEDICATED_USER,
    ]);
  } catch (error) {
    // Another test process may have created it a moment ago; only a still-missing user is fatal.
    const raced = await lookUp(DEDICATED_USER);
    if (raced) return raced;
    throw error;
  }
  const created = await lookUp(DEDICATED_USER);
  if (!created) throw new Error(`useradd reported success but user ${DEDICATED_USER} does not exist`);
  return created;
}

async function lookUp(name: string): Promise<ServerUser | undefined> {
  try {
    const uid = Number.parseInt(await runCommand('id', ['-u', name]), 10);
    const gid = Number.parseInt(await runCommand('id', ['-g', name]), 10);
    return Number.isInteger(uid) && Number.isInteger(gid) ? { name, uid, gid } : undefined;
  } catch {
    return undefined;
  }
}
