import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@fc-fleet/fleet-index';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';
import { createLogger } from '../observability/logger.ts';
import { tempDirs } from '../test-support/temp-dirs.ts';
import { openIndex } from './open-index.ts';

// What an operator meets when the embedded index cannot be used: a refusal at start that names
// the directory and says what to do, never a stack trace or a silently empty index.
const freshDir = tempDirs('fc-fleet-open-index-');
const logger = createLogger({ level: 'error', sink: () => {} });
const envFor = (dir: string) => {
  const parsed = parseEnv({ FC_DATA_DIR: dir });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.env;
};

describe('opening the embedded index', { timeout: 120_000 }, () => {
  it('creates an index in an empty directory and opens it again after a restart', async () => {
    const dir = freshDir();
    const first = await openIndex(envFor(dir), { demo: false, logger });
    await first.query("insert into fleet_region (account, region) values ('a', 'cn-hangzhou')");
    await first.close();
    const again = await openIndex(envFor(dir), { demo: false, logger });
    expect((await again.query('select region from fleet_region')).rows).toEqual([{ region: 'cn-hangzhou' }]);
    await again.close();
  });

  it('refuses a directory another live process has open, naming it and the way out', async () => {
    const dir = freshDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(dir, 'fc-fleet.lock'), String(holder.pid));
      await expect(openIndex(envFor(dir), { demo: false, logger })).rejects.toThrow(
        new RegExp(
          `The index in ${dir} is already open in process ${holder.pid}.*FC_DATA_DIR.*FC_DATABASE_URL`,
        ),
      );
    } finally {
      holder.kill('SIGKILL');
      await new Promise((done) => holder.once('exit', done));
    }
    // A lock left by a process that is gone is taken over.
    const reopened = await openIndex(envFor(dir), { demo: false, logger });
    await reopened.close();
  });

  it('refuses an index written by a newer FC Fleet, and one that is corrupt', async () => {
    const newer = freshDir();
    const store = await openStore({ dataDir: newer });
    await store.query("insert into fleet_schema (version, name) values (999, 'from the future')");
    await store.close();
    await expect(openIndex(envFor(newer), { demo: false, logger })).rejects.toThrow(
      /schema version 999, newer than this FC Fleet knows \(\d+\)\. Run the newer FC Fleet/,
    );

    const corrupt = freshDir();
    // Closed before the damage: a close still under way holds the directory's lock, which would
    // make the reopening fail as "already open" instead (seen on a loaded machine).
    await (await openStore({ dataDir: corrupt })).close();
    // Damage what Postgres reads first: the version file and the control file.
    writeFileSync(join(corrupt, 'PG_VERSION'), 'not a version\n');
    const global = join(corrupt, 'global');
    for (const file of readdirSync(global))
      if (file === 'pg_control') writeFileSync(join(global, file), 'garbage');
    await expect(openIndex(envFor(corrupt), { demo: false, logger })).rejects.toThrow(
      new RegExp(`The index in ${corrupt} could not be opened .*corrupt.*move the directory aside`),
    );
  });
});
