import { expect } from '@playwright/test';
import { BFF_PORT, CONTROL_PORT } from '../playwright.config.ts';

const BFF = `http://127.0.0.1:${BFF_PORT}`;

/** A name no other journey uses, unique per run: `e2e-changes-<tag>-<time>`. */
export const ownedName = (tag: string): string => `e2e-changes-${tag}-${Date.now().toString(36)}`;

/** PUT, PATCH or DELETE a function of the in-process emulator through the demo's control port. */
export async function controlFunction(
  method: 'PUT' | 'PATCH' | 'DELETE',
  region: string,
  name: string,
  body?: Record<string, unknown>,
): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${CONTROL_PORT}/__emulator/functions/${region}/${name}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok && !(method === 'DELETE' && response.status === 404))
    throw new Error(`${method} ${region}/${name}: ${response.status} ${await response.text()}`);
}

/** A plain function for the emulator to hold, with nothing secret in it. */
export const plainFunction = (memorySize = 512): Record<string, unknown> => ({
  runtime: 'nodejs18',
  handler: 'index.handler',
  memorySize,
  timeout: 60,
  description: 'created by the changes journey',
});

async function getJson(path: string): Promise<unknown> {
  const response = await fetch(`${BFF}${path}`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * Asks for a pass of the region until `done` holds: a pass already running when a change was made
 * may have read the function before it, so Refresh is asked again while waiting (as a user would).
 */
export async function refreshUntil(region: string, done: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let asked = 0;
  await expect
    .poll(
      async () => {
        if (Date.now() - asked > 4_000) {
          asked = Date.now();
          await fetch(`${BFF}/api/refresh?account=demo&region=${region}`, { method: 'POST' });
        }
        return done();
      },
      { timeout: Math.max(1, deadline - Date.now()), intervals: [250, 500, 1000] },
    )
    .toBe(true);
}

/** The events `/api/changes` holds for the functions whose names start with `prefix`. */
export async function changesOf(region: string, prefix: string) {
  const body = (await getJson(`/api/changes?account=demo&region=${region}&prefix=${prefix}&limit=100`)) as {
    changes: { kind: string; functionName: string }[];
  };
  return body.changes;
}

/** True when the index lists exactly these names among those starting with `prefix`. */
export async function indexHolds(region: string, prefix: string, names: readonly string[]): Promise<boolean> {
  const body = (await getJson(`/api/functions?account=demo&region=${region}&prefix=${prefix}&limit=100`)) as {
    functions: { function: { functionName: string } }[];
  };
  const listed = body.functions.map((r) => r.function.functionName).sort();
  return JSON.stringify(listed) === JSON.stringify([...names].sort());
}
