import { createFcClient, type FcFunction } from '@fc-fleet/fc-api';
import { describe, expect, it } from 'vitest';
import { createEmulator, DEFAULT_EMULATOR_CREDENTIALS } from '../app.ts';
import { type ControlCall, scanProblems, scanWhileChanging } from '../test-support/scan-while-changing.ts';

const T0 = Date.UTC(2027, 0, 2, 3, 4, 5);
const ISO_T0 = '2027-01-02T03:04:05Z';

// In-process, through the app's fetch: the signed API through the real client, the controls unsigned.
function setup(functionsPerRegion = 40) {
  let clock = T0;
  const emulator = createEmulator({ fleet: { functionsPerRegion }, control: true, now: () => clock });
  const fc = (region = 'cn-hangzhou') =>
    createFcClient({
      region,
      endpoint: 'http://emulator.test/regions/{region}',
      credentials: () => DEFAULT_EMULATOR_CREDENTIALS,
      fetch: emulator.fetch,
      now: () => new Date(clock),
      retry: { maxAttempts: 1 },
    });
  const control: ControlCall = async (method, region, name, body) =>
    emulator.app.request(`/__emulator/functions/${region}/${name}`, {
      method,
      body: typeof body === 'string' || body === undefined ? body : JSON.stringify(body),
    });
  const send = async (...args: Parameters<ControlCall>) => {
    const res = await control(...args);
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  };
  const get = async (name: string, region = 'cn-hangzhou') => {
    const res = await fc(region).getFunction(name);
    return res.ok ? res.value : res.error.code;
  };
  const listed = async (prefix: string, region = 'cn-hangzhou'): Promise<FcFunction[]> => {
    const res = await fc(region).listFunctions({ prefix, limit: 100 });
    if (!res.ok) throw new Error(res.error.message);
    return res.value.functions;
  };
  const anyName = (region = 'cn-hangzhou') => emulator.fleet.region(region)?.allNames()[3] ?? '';
  return { emulator, fc, control, send, get, listed, anyName, tick: (ms: number) => (clock += ms) };
}

describe('control routes: PUT, PATCH and DELETE of functions', () => {
  it('creates with PUT (201); GetFunction and ListFunctions see it at once, with ids and times filled in', async () => {
    const t = setup();
    const put = await t.send('PUT', 'cn-shanghai', 'demo-created', {
      runtime: 'python3.12',
      memorySize: 512,
    });
    expect(put.status).toBe(201);
    expect(put.body).toEqual({
      functionName: 'demo-created',
      functionId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/),
      functionArn: 'acs:fc:cn-shanghai:1234567890123456:functions/demo-created',
      runtime: 'python3.12',
      memorySize: 512,
      createdTime: ISO_T0,
      lastModifiedTime: ISO_T0,
      state: 'Active',
      lastUpdateStatus: 'Successful',
    });
    expect(await t.get('demo-created', 'cn-shanghai')).toEqual(put.body);
    const { state: _s, lastUpdateStatus: _u, ...listShape } = put.body;
    expect(await t.listed('demo-', 'cn-shanghai')).toEqual([listShape]);
  });

  it('replaces with PUT (200): the body is the whole function; id, ARN and createdTime are kept', async () => {
    const t = setup();
    const name = t.anyName();
    const before = await t.get(name);
    t.tick(60_000);
    const put = await t.send('PUT', 'cn-hangzhou', name, {
      functionName: name,
      runtime: 'go1',
      state: 'Failed',
    });
    expect(put.status).toBe(200);
    if (typeof before !== 'object') throw new Error(`no ${name}: ${before}`);
    expect(put.body).toEqual({
      functionName: name,
      functionId: before.functionId,
      functionArn: before.functionArn,
      createdTime: before.createdTime,
      lastModifiedTime: '2027-01-02T03:05:05Z',
      runtime: 'go1',
      state: 'Failed',
      lastUpdateStatus: 'Successful',
    });
    expect(await t.get(name)).toEqual(put.body);
  });

  it('keeps times the body sets, and puts status fields beside the function (GetFunction only)', async () => {
    const t = setup();
    const times = { createdTime: '2020-05-06T07:08:09Z', lastModifiedTime: '2021-05-06T07:08:09Z' };
    const status = { state: 'Pending', stateReason: 'Function creating', lastUpdateStatus: 'InProgress' };
    expect((await t.send('PUT', 'cn-hangzhou', '_old_one', { ...times, ...status })).status).toBe(201);
    expect(await t.get('_old_one')).toMatchObject({ ...times, ...status });
    const [listed] = await t.listed('_old_one');
    expect(listed).toMatchObject(times);
    expect(listed).not.toHaveProperty('state');
    const cleared = await t.send('PATCH', 'cn-hangzhou', '_old_one', { state: 'Active', stateReason: null });
    expect(cleared.body).toMatchObject({ state: 'Active', lastUpdateStatus: 'InProgress' });
    expect(cleared.body).not.toHaveProperty('stateReason');
  });

  it('patches memorySize: only that field and lastModifiedTime change', async () => {
    const t = setup();
    const name = t.anyName();
    const before = await t.get(name);
    if (typeof before !== 'object') throw new Error(`no ${name}: ${before}`);
    const memorySize = before.memorySize === 4096 ? 8192 : 4096;
    t.tick(3_600_000);
    const patch = await t.send('PATCH', 'cn-hangzhou', name, { memorySize });
    expect(patch.status).toBe(200);
    const after = { ...before, memorySize, lastModifiedTime: '2027-01-02T04:04:05Z' };
    expect(patch.body).toEqual(after);
    expect(await t.get(name)).toEqual(after);
    expect((await t.listed(name)).find((f) => f.functionName === name)).toMatchObject({ memorySize });
  });

  it('replaces nested blocks whole on PATCH, never merging them, and stores null as null', async () => {
    const t = setup();
    const vpcConfig = { vpcId: 'vpc-a', vSwitchIds: ['vsw-1', 'vsw-2'], securityGroupId: 'sg-a' };
    await t.send('PUT', 'cn-hangzhou', 'nested', { vpcConfig, tags: [{ Key: 'env', Value: 'prod' }] });
    const patch = await t.send('PATCH', 'cn-hangzhou', 'nested', {
      vpcConfig: { vpcId: 'vpc-b' },
      tags: null,
    });
    expect(patch.body).toMatchObject({ vpcConfig: { vpcId: 'vpc-b' }, tags: null });
    expect(await t.get('nested')).toMatchObject({ vpcConfig: { vpcId: 'vpc-b' }, tags: null });
  });

  it('deletes with DELETE (204): GetFunction is 404, ListFunctions skips it, a second DELETE is 404', async () => {
    const t = setup();
    const name = t.anyName();
    const res = await t.control('DELETE', 'cn-hangzhou', name);
    expect([res.status, await res.text()]).toEqual([204, '']);
    expect(await t.get(name)).toBe('FunctionNotFound');
    const all = await t.listed('');
    expect(all.map((f) => f.functionName)).not.toContain(name);
    expect(all).toHaveLength(39);
    const again = await t.send('DELETE', 'cn-hangzhou', name);
    expect([again.status, again.body.Code, again.body.Message]).toEqual([
      404,
      'FunctionNotFound',
      `function '${name}' does not exist`,
    ]);
  });

  it('pages by name with limit 10 while functions come and go: each one that existed throughout is seen once', async () => {
    const t = setup(60);
    const scan = await scanWhileChanging(t.fc('cn-beijing'), t.control, 10);
    expect(scanProblems(scan)).toEqual([]);
    expect(scan.deleted.size).toBeGreaterThan(10);
    expect(scan.createdAhead.size).toBeGreaterThan(3);
  });
});
