import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '@fc-fleet/fleet-index/test-support/free-port';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** A BFF in a child process: the process, its address, and a wait for its first pass. */
export interface BffProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>`. */
  base: string;
  /** Resolves once `/readyz` says ready (every region's first pass is in); rejects if the process exits or time runs out. */
  ready: (timeoutMs?: number) => Promise<void>;
}

/**
 * The BFF as `pnpm start` runs it: `server.ts` in a child process on a free loopback port, its
 * errors on this process's stderr. Of this process's environment it gets only PATH: what it reads
 * is `env`, over a quiet log, no web build and a HOME that does not exist (so no credentials
 * file of the machine is found).
 * @example const bff = await spawnBff({ FC_ENDPOINT: endpoint, FC_REGIONS: 'cn-hangzhou', ...keys }); await bff.ready();
 */
export async function spawnBff(env: Record<string, string>): Promise<BffProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'apps/bff/src/server.ts')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      HOME: '/nonexistent-fc-fleet-home',
      HOST: '127.0.0.1',
      PORT: String(port),
      FC_LOG_LEVEL: 'error',
      FC_WEB_DIST: '/nonexistent-web-dist',
      ...env,
    },
  });
  const base = `http://127.0.0.1:${port}`;
  const ready = async (timeoutMs = 120_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(
          `the BFF at ${base} exited (${child.exitCode ?? child.signalCode}) before it was ready`,
        );
      const ok = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the BFF at ${base} was not ready within ${timeoutMs / 1000} s`);
  };
  return { child, base, ready };
}
