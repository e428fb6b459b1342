import { accessSync, constants, readdirSync, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/** Absolute paths of the PostgreSQL programs the test server needs, all from one installation. */
export interface PostgresBinaries {
  binDir: string;
  initdb: string;
  pgCtl: string;
  psql: string;
  pgIsready: string;
}

/** Where to look; the defaults are the real environment and Debian's install root. */
export interface FindPostgresBinariesOptions {
  env?: NodeJS.ProcessEnv;
  /** Holds one `<major>/bin` per installed version; default `/usr/lib/postgresql`. */
  libRoot?: string;
}

const PROGRAMS = ['initdb', 'pg_ctl', 'postgres', 'psql', 'pg_isready'] as const;
const INSTALL_HINT = 'run: pnpm test:deps (or: sudo apt-get install -y postgresql)';

/**
 * Finds initdb, pg_ctl, postgres, psql and pg_isready in one directory: `FC_TEST_PG_BIN` alone
 * when set, else the real directory behind each `initdb` on PATH, else
 * `/usr/lib/postgresql/<major>/bin`, newest major first. Throws a one-line Error saying what to
 * install when none qualifies.
 *
 * @example
 * const bin = findPostgresBinaries();
 * // bin.initdb === '/usr/lib/postgresql/15/bin/initdb' on Debian 12
 */
export function findPostgresBinaries(options: FindPostgresBinariesOptions = {}): PostgresBinaries {
  const env = options.env ?? process.env;
  const override = env.FC_TEST_PG_BIN;
  if (override) {
    const found = binariesIn(override);
    if (found) return found;
    throw new Error(`FC_TEST_PG_BIN=${override} lacks one of ${PROGRAMS.join(', ')}; fix or unset it`);
  }
  for (const dir of candidateDirs(env.PATH ?? '', options.libRoot ?? '/usr/lib/postgresql')) {
    const found = binariesIn(dir);
    if (found) return found;
  }
  throw new Error(
    `PostgreSQL server programs (${PROGRAMS.join(', ')}) not found on PATH or in /usr/lib/postgresql/*/bin; ${INSTALL_HINT}`,
  );
}

function candidateDirs(pathVariable: string, libRoot: string): string[] {
  // Debian keeps initdb off PATH, and a symlink on PATH points into the versioned directory
  // that also holds the real psql (the one on PATH is Debian's cluster-picking wrapper).
  const fromPath = pathVariable
    .split(delimiter)
    .filter((dir) => dir !== '' && isExecutable(join(dir, 'initdb')))
    .map((dir) => dirname(realpathSync(join(dir, 'initdb'))));
  return [...fromPath, ...versionedDirs(libRoot)];
}

function versionedDirs(libRoot: string): string[] {
  let names: string[];
  try {
    names = readdirSync(libRoot);
  } catch {
    return [];
  }
  return names
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    .map((name) => join(libRoot, name, 'bin'));
}

function binariesIn(dir: string): PostgresBinaries | undefined {
  if (!PROGRAMS.every((program) => isExecutable(join(dir, program)))) return undefined;
  return {
    binDir: dir,
    initdb: join(dir, 'initdb'),
    pgCtl: join(dir, 'pg_ctl'),
    psql: join(dir, 'psql'),
    pgIsready: join(dir, 'pg_isready'),
  };
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
