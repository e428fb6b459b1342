import { execFile, execFileSync } from 'node:child_process';

/** How to run one program: where, for how long, and as which user (root only). */
export interface RunCommandOptions {
  cwd?: string;
  timeoutMs?: number;
  /** Run through `runuser -u <user> --`; needs root. */
  asUser?: string;
}

/**
 * Runs a program without a shell and resolves with its stdout; rejects with an Error naming the
 * command and carrying its stderr. `PG*` variables are dropped so a developer's PGHOST or
 * PGOPTIONS cannot steer the test server or its clients.
 *
 * @example
 * const out = await runCommand('/usr/lib/postgresql/15/bin/initdb', ['-D', dir], { asUser: 'postgres' });
 */
export function runCommand(
  file: string,
  args: readonly string[],
  options: RunCommandOptions = {},
): Promise<string> {
  const [program, programArgs] = commandLine(file, args, options.asUser);
  return new Promise((resolve, reject) => {
    execFile(
      program,
      programArgs,
      {
        cwd: options.cwd,
        env: environmentWithoutPg(),
        timeout: options.timeoutMs ?? 60_000,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        const detail = stderr.trim() || stdout.trim() || error.message;
        reject(new Error(`${[program, ...programArgs].join(' ')} failed: ${detail}`, { cause: error }));
      },
    );
  });
}

/**
 * Synchronous, quiet variant for `process.on('exit')` handlers, where nothing asynchronous runs:
 * returns whether the program exited 0.
 *
 * @example
 * runCommandSync(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate'], { asUser: 'postgres' });
 */
export function runCommandSync(
  file: string,
  args: readonly string[],
  options: RunCommandOptions = {},
): boolean {
  const [program, programArgs] = commandLine(file, args, options.asUser);
  try {
    execFileSync(program, programArgs, {
      cwd: options.cwd,
      env: environmentWithoutPg(),
      timeout: options.timeoutMs ?? 60_000,
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

function commandLine(file: string, args: readonly string[], asUser: string | undefined): [string, string[]] {
  return asUser ? ['runuser', ['-u', asUser, '--', file, ...args]] : [file, [...args]];
}

function environmentWithoutPg(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PG')));
}
