import { createFcClient, type FcFunction } from '@fc-fleet/fc-api';
import { SECRET_MASK } from '@fc-fleet/fleet-contract';
import { describe, expect, it } from 'vitest';
import { createTestApp, type Row, scrollAll } from './test-support/test-app.ts';

// Every value below is a secret somewhere in the chain; none may reach a browser or a log line.
const KEY = { accessKeyId: 'PLANTED-AKID-7f3a9c', accessKeySecret: 'PLANTED-AK-SECRET-91b2e4' };
const ENV = { DB_PASSWORD: 'PLANTED-ENV-db-5c1e', API_TOKEN: 'PLANTED-ENV-api-77d0' };
const REGISTRY_PASSWORD = 'PLANTED-REGPW-3e8b61';
const JFS_TOKEN = 'PLANTED-JFS-TOKEN-a94f2d';
const JFS_ENV = { ACCESS_KEY: 'PLANTED-JFS-ENV-ak-0b7c', SECRET_KEY: 'PLANTED-JFS-ENV-sk-6f13' };
// Free-form strings that carry secrets in real fleets, and fields the schema does not know yet.
const FREE = {
  command: 'PLANTED-CMD-hf-4d21a8',
  entrypoint: 'PLANTED-ENTRY-tok-9a3b',
  healthUrl: 'PLANTED-HEALTH-q-51c7',
  tracing: 'PLANTED-TRACE-adapt-0e6d',
  hook: 'PLANTED-HOOK-pw-c2f8',
  runtimeArg: 'PLANTED-RTARG-77a1',
  jfsArg: 'PLANTED-JFSARG-ak-3b90',
  ossCredential: 'PLANTED-OSS-SK-e41f',
  unknownField: 'PLANTED-UNKNOWN-5a0c',
};
const PLANTED = [
  ...Object.values(KEY),
  ...Object.values(ENV),
  REGISTRY_PASSWORD,
  JFS_TOKEN,
  ...Object.values(JFS_ENV),
  ...Object.values(FREE),
];

const FUNCTIONS: FcFunction[] = [
  {
    functionName: 'leaky-container-api',
    description: 'custom container pulling from a private registry',
    runtime: 'custom-container',
    memorySize: 32_768,
    environmentVariables: ENV,
    customContainerConfig: {
      image: 'registry.cn-hangzhou.aliyuncs.com/acme/api:1.2.3',
      entrypoint: ['/bin/sh', '-c', `export TOKEN=${FREE.entrypoint} && exec /app/run`],
      command: ['--port', '9000', '--hf-token', FREE.command],
      healthCheckConfig: { httpGetUrl: `/ready?key=${FREE.healthUrl}`, periodSeconds: 5 },
      registryConfig: { authConfig: { userName: 'acme-puller', password: REGISTRY_PASSWORD } },
    },
  },
  {
    functionName: 'leaky-juicefs-worker',
    description: 'worker with a JuiceFS volume',
    runtime: 'python3.10',
    memorySize: 16_384,
    environmentVariables: { DB_PASSWORD: ENV.DB_PASSWORD },
    juiceFsConfig: {
      envs: JFS_ENV,
      mountPoints: [
        {
          mountDir: '/mnt/jfs',
          remoteDir: '/',
          volumeName: 'vol-a',
          token: JFS_TOKEN,
          args: ['--cache-size=10240', `--access-key=${FREE.jfsArg}`],
        },
      ],
    },
  },
  {
    functionName: 'leaky-custom-runtime',
    description: 'custom runtime with tracing, hooks, an OSS mount and a field from the future',
    runtime: 'custom.debian10',
    memorySize: 8_192,
    customRuntimeConfig: { command: ['python3'], args: ['app.py', '--secret', FREE.runtimeArg] },
    tracingConfig: {
      type: 'Jaeger',
      params: { endpoint: `http://tracing-analysis-dc-hz.aliyuncs.com/adapt_${FREE.tracing}/api/traces` },
    },
    instanceLifecycleConfig: {
      initializer: { timeout: 3, command: ['/code/init.sh', '--db-password', FREE.hook] },
    },
    ossMountConfig: {
      mountPoints: [{ bucketName: 'models', mountDir: '/mnt/oss', accessKeySecret: FREE.ossCredential }],
    },
    aiSidecarConfig: { endpoint: 'https://sidecar.example', apiToken: FREE.unknownField },
  } as FcFunction,
];

type Surface = { path: string; status: number; text: string };

/** A test app over an emulator holding the planted functions, recording every response it gives. */
function plantedApp() {
  const t = createTestApp({ emulator: { accessKeys: [KEY], fleet: { functionsPerRegion: 200 } } });
  for (const fn of FUNCTIONS) t.emulator.putFunction('cn-hangzhou', fn);
  const seen: Surface[] = [];
  const call = async (path: string): Promise<Surface> => {
    const res = await t.request(path);
    const headers = [...res.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
    const surface = { path, status: res.status, text: `${headers}\n\n${await res.text()}` };
    seen.push(surface);
    return surface;
  };
  return { ...t, seen, call };
}

/** The planted values found in a text. */
const leaksIn = (text: string) => PLANTED.filter((secret) => text.includes(secret));

function expectNothingLeaked(app: ReturnType<typeof plantedApp>) {
  expect(app.seen.length).toBeGreaterThan(0);
  for (const s of app.seen)
    expect({ path: s.path, leaks: leaksIn(s.text) }).toEqual({ path: s.path, leaks: [] });
  expect(app.logs.length).toBeGreaterThan(0);
  expect(app.logs.filter((line) => leaksIn(line).length > 0)).toEqual([]);
}

function expectMasked(fn: Row['function'], planted: FcFunction) {
  const got = fn as FcFunction;
  const envKeys = Object.keys(planted.environmentVariables ?? {});
  if (planted.environmentVariables)
    expect(got.environmentVariables).toEqual(Object.fromEntries(envKeys.map((k) => [k, SECRET_MASK])));
  if (planted.customRuntimeConfig) {
    // The shape stays readable; only the secret-bearing parts are masked, unknown fields are gone.
    expect(got.customRuntimeConfig?.args).toEqual(['app.py', '--secret', SECRET_MASK]);
    expect(got.tracingConfig?.params).toEqual({
      endpoint: `http://tracing-analysis-dc-hz.aliyuncs.com/${SECRET_MASK}`,
    });
    expect(got.instanceLifecycleConfig?.initializer?.command).toEqual([
      '/code/init.sh',
      '--db-password',
      SECRET_MASK,
    ]);
    expect(got.ossMountConfig?.mountPoints).toEqual([{ bucketName: 'models', mountDir: '/mnt/oss' }]);
    expect(Object.keys(got)).not.toContain('aiSidecarConfig');
  }
  if (planted.customContainerConfig) {
    expect(got.customContainerConfig?.registryConfig?.authConfig).toEqual({
      userName: 'acme-puller',
      password: SECRET_MASK,
    });
    expect(got.customContainerConfig?.image).toBe(planted.customContainerConfig.image);
    expect(got.customContainerConfig?.command).toEqual(['--port', '9000', '--hf-token', SECRET_MASK]);
    expect(got.customContainerConfig?.healthCheckConfig?.httpGetUrl).toBe(`/ready?${SECRET_MASK}`);
  }
  if (planted.juiceFsConfig) {
    expect(got.juiceFsConfig?.envs).toEqual({ ACCESS_KEY: SECRET_MASK, SECRET_KEY: SECRET_MASK });
    expect(got.juiceFsConfig?.mountPoints).toEqual([
      {
        mountDir: '/mnt/jfs',
        remoteDir: '/',
        volumeName: 'vol-a',
        token: SECRET_MASK,
        args: ['--cache-size=10240', `--access-key=${SECRET_MASK}`],
      },
    ]);
  }
}

describe('secrets never leave the BFF', () => {
  it('the emulator really serves the planted secrets, so the checks below can fail', async () => {
    const t = plantedApp();
    const client = createFcClient({
      region: 'cn-hangzhou',
      endpoint: t.account.endpoint,
      fetch: t.emulator.fetch,
      credentials: () => KEY,
    });
    const listed = await client.listFunctions({ prefix: 'leaky-', limit: 100 });
    const got = await client.getFunction('leaky-container-api');
    expect(listed.ok && got.ok).toBe(true);
    const raw = JSON.stringify([listed, got]);
    const cloudSide = PLANTED.filter((s) => !Object.values(KEY).includes(s));
    expect(cloudSide.filter((s) => !raw.includes(s))).toEqual([]);
  });

  it('list pages mask every secret value, keep the keys and the registry user name, and leak nothing', async () => {
    const t = plantedApp();
    const byMemory = FUNCTIONS.map((fn) => fn.functionName);
    const all = [...byMemory].sort();
    const cases: [string, string[]][] = [
      ['', all],
      ['q=leaky', all],
      ['q=LEAKY-JUICEFS', ['leaky-juicefs-worker']],
      ['region=all&q=leaky', all],
      ['sort=memorySize:desc', byMemory],
      ['region=all&sort=memorySize:desc&has=container', ['leaky-container-api']],
    ];
    for (const [query, names] of cases) {
      const { rows } = await scrollAll(t.get, query, 100);
      await t.call(`/api/functions?${query}&limit=100`);
      const planted = rows.filter((r) => r.function.functionName.startsWith('leaky-'));
      expect(
        planted.map((r) => `${r.region}/${r.function.functionName}`),
        query,
      ).toEqual(names.map((n) => `cn-hangzhou/${n}`));
      for (const row of planted) {
        const fn = FUNCTIONS.find((f) => f.functionName === row.function.functionName);
        if (fn) expectMasked(row.function, fn);
      }
      expect(leaksIn(JSON.stringify(rows)), query).toEqual([]);
    }
    expectNothingLeaked(t);
  });

  it('the index holds none of the planted values, after passes and after GetFunction repairs', async () => {
    const t = plantedApp();
    await t.ready();
    for (const planted of FUNCTIONS) await t.call(`/api/functions/cn-hangzhou/${planted.functionName}`);
    const dump: string[] = [];
    for (const table of ['fleet_function', 'fleet_function_view', 'fleet_region'])
      for (const row of (await t.sql.query(`select * from ${table}`)).rows) dump.push(JSON.stringify(row));
    const text = dump.join('\n');
    expect(text).toContain('leaky-custom-runtime');
    expect(leaksIn(text)).toEqual([]);
  });

  it('the history records changed secrets as changed, and neither its store nor /api/changes holds one', async () => {
    const t = plantedApp();
    await t.ready();
    // Every planted value replaced by another planted value, and one visible field changed.
    const swapped = (text: string) => text.replaceAll('PLANTED-', 'PLANTED-NEW-');
    for (const fn of FUNCTIONS)
      t.emulator.putFunction('cn-hangzhou', {
        ...(JSON.parse(swapped(JSON.stringify(fn))) as FcFunction),
        memorySize: (fn.memorySize ?? 0) * 2,
        lastModifiedTime: '2026-11-28T09:00:00Z',
      });
    await t.sync.syncAll();
    const surface = await t.call('/api/changes?prefix=leaky-&limit=100');
    const events = JSON.parse(surface.text.slice(surface.text.indexOf('\n\n') + 2)) as {
      changes: { functionName: string; changes: { path: string; change: string }[] }[];
    };
    expect(events.changes.map((e) => e.functionName).sort()).toEqual(
      FUNCTIONS.map((f) => f.functionName).sort(),
    );
    const api = events.changes.find((e) => e.functionName === 'leaky-container-api');
    expect(api?.changes).toContainEqual({
      path: 'environmentVariables.DB_PASSWORD',
      field: 'environmentVariables',
      change: 'changed',
    });
    const dump = (await t.sql.query('select * from fleet_change')).rows.map((r) => JSON.stringify(r));
    const both = [...PLANTED, ...PLANTED.map(swapped)];
    expect(dump.length).toBe(3);
    expect(both.filter((secret) => `${dump.join('\n')}\n${surface.text}`.includes(secret))).toEqual([]);
    expectNothingLeaked(t);
  });

  it('GetFunction masks the same values and leaks nothing', async () => {
    const t = plantedApp();
    for (const planted of FUNCTIONS) {
      const res = await t.get(`/api/functions/cn-hangzhou/${planted.functionName}`);
      expect(res.status).toBe(200);
      expect(res.body.function).toMatchObject({ functionName: planted.functionName, state: 'Active' });
      expectMasked(res.body.function as Row['function'], planted);
      await t.call(`/api/functions/cn-hangzhou/${planted.functionName}`);
    }
    expectNothingLeaked(t);
  });

  it('meta, metrics and the probes leak nothing, even after the planted functions were read', async () => {
    const t = plantedApp();
    await scrollAll(t.get, 'region=all', 100);
    for (const path of ['/api/meta', '/metrics', '/healthz', '/readyz'])
      expect((await t.call(path)).status).toBe(200);
    expectNothingLeaked(t);
  });

  it('error answers (bad parameters, unknown names, upstream faults) leak nothing', async () => {
    const t = plantedApp();
    const expected: [string, number][] = [
      ['/api/functions?limit=0', 400],
      ['/api/functions?sort=password:desc', 400],
      ['/api/functions?region=eu-nowhere-1', 400],
      ['/api/functions?q=leaky&cursor=not-a-cursor', 400],
      ['/api/functions?password=1', 400],
      ['/api/functions/cn-hangzhou/no-such-function', 404],
      ['/api/nothing-here', 404],
    ];
    for (const [path, status] of expected) expect((await t.call(path)).status, path).toBe(status);
    t.emulator.setFaults({ serverErrorRate: 1 });
    await t.sync.syncAll();
    // The failed pass is reported on the list (the last good data is still served) and in meta.
    const list = await t.call('/api/functions?prefix=leaky-');
    expect(list.status).toBe(200);
    expect(list.text).toMatch(/"state":"failed".*"lastError":\{"code":"(InternalError|ServiceUnavailable)"/);
    expect((await t.call('/api/meta')).text).toContain('"state":"failed"');
    expect((await t.call('/api/functions/cn-hangzhou/leaky-container-api')).status).toBe(502);
    t.emulator.setFaults({ truncateRate: 1 });
    expect((await t.call('/api/functions/cn-hangzhou/leaky-juicefs-worker')).status).toBe(502);
    expectNothingLeaked(t);
  });

  it('an account whose secret the cloud rejects gets an auth error that names neither key nor secret', async () => {
    const t = plantedApp();
    t.emulator.credentials.add({
      accessKeyId: KEY.accessKeyId,
      accessKeySecret: 'the-cloud-expects-another-secret',
    });
    const list = await t.call('/api/functions?q=leaky');
    expect(list.status).toBe(200);
    expect(list.text).toContain('"lastError":{"code":"SignatureNotMatch"');
    const get = await t.call('/api/functions/cn-hangzhou/leaky-container-api');
    expect(get.status).toBe(502);
    expect(get.text).toContain('"code":"UpstreamAuthFailed"');
    expect(get.text).toContain('SignatureNotMatch');
    expect((await t.call('/readyz')).status).toBe(503);
    expectNothingLeaked(t);
  });
});
