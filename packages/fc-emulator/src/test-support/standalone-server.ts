import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A running `pnpm emulator` process. */
export interface StandaloneServer {
  port: number;
  /** Stops the process and waits for it to exit. */
  stop: () => Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Starts the standalone emulator (`src/server.ts`) as its own process, as `pnpm emulator` does,
 * on a free port, and resolves once it logs that it listens.
 * @example const server = await startStandaloneServer({ FC_EMULATOR_FUNCTIONS_PER_REGION: '50' });
 */
export function startStandaloneServer(env: Record<string, string>): Promise<StandaloneServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/fc-emulator/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, FC_EMULATOR_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${why}\nstdout: ${stdout}\nstderr: ${stderr}`)));
    };
    const timer = setTimeout(() => fail('the emulator did not start within 20 s'), 20_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /"url":"http:\/\/[^"]*:(\d+)"/.exec(stdout);
      if (settled || !url?.[1]) return;
      settled = true;
      clearTimeout(timer);
      resolve({ port: Number(url[1]), stop });
    });
    child.once('exit', (code) => fail(`the emulator exited with ${code}`));
  });
}
