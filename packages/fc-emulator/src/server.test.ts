import { createFcClient } from '@fc-fleet/fc-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EMULATOR_CREDENTIALS } from './app.ts';
import { type ControlCall, scanProblems, scanWhileChanging } from './test-support/scan-while-changing.ts';
import { type StandaloneServer, startStandaloneServer } from './test-support/standalone-server.ts';

let server: StandaloneServer;
// Tests reach only loopback; the peer check for other addresses is covered by loopback-only.test.ts.
beforeAll(async () => {
  server = await startStandaloneServer({
    FC_EMULATOR_HOST: '127.0.0.1',
    FC_EMULATOR_FUNCTIONS_PER_REGION: '60',
  });
});
afterAll(() => server.stop());

const base = (host = '127.0.0.1') => `http://${host}:${server.port}`;
const fc = (region: string, host?: string) =>
  createFcClient({
    region,
    endpoint: `${base(host)}/regions/{region}`,
    credentials: () => DEFAULT_EMULATOR_CREDENTIALS,
    retry: { maxAttempts: 1 },
  });
const control =
  (host?: string): ControlCall =>
  (method, region, name, body) =>
    fetch(`${base(host)}/__emulator/functions/${region}/${name}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

describe('standalone emulator over HTTP: changing the fleet', () => {
  it('creates, patches and deletes from loopback; the signed API sees each change at once', async () => {
    const hz = fc('cn-hangzhou');
    const put = await control()('PUT', 'cn-hangzhou', 'http-made', { runtime: 'nodejs20', memorySize: 512 });
    expect(put.status).toBe(201);
    const created = await hz.getFunction('http-made');
    expect(created.ok && created.value).toMatchObject({
      runtime: 'nodejs20',
      memorySize: 512,
      state: 'Active',
    });
    const listed = await hz.listFunctions({ prefix: 'http-' });
    expect(listed.ok && listed.value.functions.map((f) => f.functionName)).toEqual(['http-made']);

    const patch = await control()('PATCH', 'cn-hangzhou', 'http-made', { memorySize: 2048 });
    expect([patch.status, ((await patch.json()) as { memorySize: number }).memorySize]).toEqual([200, 2048]);
    const patched = await hz.getFunction('http-made');
    expect(patched.ok && patched.value).toMatchObject({ runtime: 'nodejs20', memorySize: 2048 });

    expect((await control()('DELETE', 'cn-hangzhou', 'http-made')).status).toBe(204);
    const gone = await hz.getFunction('http-made');
    expect(gone.ok || [gone.error.code, gone.error.httpStatus]).toEqual(['FunctionNotFound', 404]);
    const after = await hz.listFunctions({ prefix: 'http-' });
    expect(after.ok && after.value.functions).toEqual([]);
  });

  it('pages by name with limit 10 while functions come and go: each one that existed throughout is seen once', async () => {
    const scan = await scanWhileChanging(fc('cn-shanghai'), control(), 10);
    expect(scanProblems(scan)).toEqual([]);
    expect(scan.deleted.size).toBeGreaterThan(10);
  });

  it('answers bad bodies, names and regions with the right status over the wire', async () => {
    const bad = await fetch(`${base()}/__emulator/functions/cn-hangzhou/x`, { method: 'PUT', body: '{' });
    expect([bad.status, ((await bad.json()) as { Message: string }).Message]).toEqual([
      400,
      expect.stringMatching(/^The body must be JSON: /),
    ]);
    expect((await control()('PUT', 'cn-hangzhou', '9lives', {})).status).toBe(400);
    expect((await control()('PUT', 'xx-nowhere-1', 'x', {})).status).toBe(404);
    const post = await fetch(`${base()}/__emulator/functions/cn-hangzhou/x`, { method: 'POST' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'PUT, PATCH, DELETE']);
  });
});
