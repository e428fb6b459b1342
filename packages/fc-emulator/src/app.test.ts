import { describe, expect, it } from 'vitest';
import { createEmulator, DEFAULT_EMULATOR_CREDENTIALS } from './app.ts';
import { signedRequest } from './test-support/signed-request.ts';

const creds = DEFAULT_EMULATOR_CREDENTIALS;
const small = () => createEmulator({ fleet: { functionsPerRegion: 300 } });

async function call(emulator = small(), options: Parameters<typeof signedRequest>[1] = {}) {
  const res = await emulator.app.fetch(await signedRequest(creds, options));
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

describe('emulator: signature checks', () => {
  it('answers a correctly signed request with a page and a request id', async () => {
    const { status, body, headers } = await call();
    expect(status).toBe(200);
    expect((body.functions as unknown[]).length).toBe(20);
    expect(headers.get('x-acs-request-id')).toMatch(/^[0-9A-F-]{36}$/);
  });

  const refusals: [string, Parameters<typeof signedRequest>[1], number, string][] = [
    [
      'wrong secret',
      { credentials: { accessKeyId: creds.accessKeyId, accessKeySecret: 'not-the-secret' } },
      403,
      'SignatureNotMatch',
    ],
    [
      'unknown key',
      { credentials: { accessKeyId: 'nobody', accessKeySecret: 'x' } },
      403,
      'InvalidAccessKeyID',
    ],
    ['date 16 minutes old', { date: new Date(Date.now() - 16 * 60_000) }, 403, 'RequestTimeTooSkewed'],
    ['date 16 minutes ahead', { date: new Date(Date.now() + 16 * 60_000) }, 403, 'RequestTimeTooSkewed'],
    [
      'tampered query after signing',
      { query: { prefix: 'a' }, rawSearch: 'prefix=b' },
      403,
      'SignatureNotMatch',
    ],
    ['missing date header', { tamper: (h) => delete h['x-acs-date'] }, 400, 'MissingRequiredHeader'],
    ['no Authorization', { tamper: (h) => delete h.authorization }, 400, 'MissingRequiredHeader'],
    [
      'garbage Authorization',
      { tamper: (h) => (h.authorization = 'ACS3-HMAC-SHA256 nonsense') },
      400,
      'IncompleteSignature',
    ],
    ['unsigned x-acs header', { tamper: (h) => (h['x-acs-extra'] = '1') }, 403, 'SignatureNotMatch'],
    [
      'content hash not of the body',
      { tamper: (h) => (h['x-acs-content-sha256'] = 'a'.repeat(64)) },
      400,
      'InvalidArgument',
    ],
    [
      'token on a permanent key',
      { tamper: (h) => (h['x-acs-security-token'] = 'tok') },
      403,
      'InvalidSecurityToken.Malformed',
    ],
  ];
  for (const [name, options, status, code] of refusals) {
    it(`refuses ${name} with ${status} ${code}`, async () => {
      const res = await call(small(), options);
      expect(res.status).toBe(status);
      expect(res.body.Code).toBe(code);
      expect(typeof res.body.Message).toBe('string');
      expect(res.body.RequestId).toBe(res.headers.get('x-acs-request-id'));
      expect(JSON.stringify(res.body)).not.toContain(creds.accessKeySecret);
    });
  }

  it('refuses a reused nonce but accepts a fresh one', async () => {
    const emulator = small();
    expect((await call(emulator, { nonce: 'nonce-1' })).status).toBe(200);
    const replay = await call(emulator, { nonce: 'nonce-1' });
    expect([replay.status, replay.body.Code]).toEqual([403, 'SignatureNonceUsed']);
    expect((await call(emulator, { nonce: 'nonce-2' })).status).toBe(200);
  });

  it('accepts STS pairs with their token and refuses them expired or with a foreign token', async () => {
    const sts = { accessKeyId: 'STS.test-id', accessKeySecret: 'sts-secret', securityToken: 'CAIS-token-1' };
    const emulator = createEmulator({
      fleet: { functionsPerRegion: 10 },
      accessKeys: [
        sts,
        { accessKeyId: 'STS.old', accessKeySecret: 's2', securityToken: 't2', expiresAt: Date.now() - 1 },
      ],
    });
    expect((await call(emulator, { credentials: sts })).status).toBe(200);
    const foreign = await call(emulator, { credentials: { ...sts, securityToken: 't2' } });
    expect(foreign.body.Code).toBe('InvalidSecurityToken.MismatchWithAccessKey');
    const expired = await call(emulator, {
      credentials: { accessKeyId: 'STS.old', accessKeySecret: 's2', securityToken: 't2' },
    });
    expect([expired.status, expired.body.Code]).toEqual([403, 'InvalidSecurityToken.Expired']);
    const missing = await call(emulator, {
      credentials: { accessKeyId: sts.accessKeyId, accessKeySecret: sts.accessKeySecret },
    });
    expect(missing.body.Code).toBe('InvalidSecurityToken.Missing');
  });
});

describe('emulator: ListFunctions and GetFunction', () => {
  for (const limit of ['0', '101', 'abc', '-1', '1.5', '']) {
    it(`refuses limit "${limit}" with 400 InvalidArgument`, async () => {
      const res = await call(small(), { query: { limit } });
      expect(res.status).toBe(400);
      expect(res.body.Code).toBe('InvalidArgument');
      expect(res.body.Message).toContain('limit');
    });
  }

  for (const token of ['garbage', 'bm90LWEtdG9rZW4=', btoa('ads-x#0000000000000000'), '!!!']) {
    it(`refuses nextToken "${token}" with 400 InvalidArgument`, async () => {
      const res = await call(small(), { query: { nextToken: token } });
      expect([res.status, res.body.Code, res.body.Message]).toEqual([
        400,
        'InvalidArgument',
        'The nextToken is invalid.',
      ]);
    });
  }

  it('refuses repeated keys, bad fcVersion, bad tags and unknown paths', async () => {
    const emulator = small();
    expect((await call(emulator, { rawSearch: 'limit=5&limit=6', query: { limit: '5' } })).body.Code).toBe(
      'InvalidArgument',
    );
    expect((await call(emulator, { query: { fcVersion: 'v4' } })).body.Message).toContain('fcVersion');
    expect((await call(emulator, { query: { tags: '{"Key":"env"}' } })).body.Message).toContain('tags');
    expect((await call(emulator, { query: { tags: 'not json' } })).body.Message).toContain('tags');
    const unknown = await call(emulator, { path: '/2023-03-30/layers' });
    expect([unknown.status, unknown.body.Code]).toEqual([400, 'PathNotSupported']);
  });

  it('pages in name order with a token that continues after the last name', async () => {
    const emulator = small();
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const res = await call(emulator, { query: { limit: '7', ...(nextToken ? { nextToken } : {}) } });
      const fns = res.body.functions as { functionName: string }[];
      names.push(...fns.map((f) => f.functionName));
      nextToken = res.body.nextToken as string | undefined;
    } while (nextToken);
    expect(names).toEqual(emulator.fleet.region('cn-hangzhou')?.allNames());
    expect(names).toEqual([...names].sort());
  });

  it('filters by prefix, runtime, gpuType, fcVersion, description, tags and resource group', async () => {
    const emulator = small();
    const all = [...(emulator.fleet.region('cn-hangzhou')?.scan(undefined) ?? [])];
    const sample = all.find((s) => s.fn.gpuConfig && s.fn.tags?.length && s.fn.resourceGroupId) ?? all[0];
    if (!sample) throw new Error('empty fleet');
    const fn = sample.fn;
    const cases: [Record<string, string>, (s: (typeof all)[number]) => boolean][] = [
      [
        { prefix: fn.functionName.slice(0, 6) },
        (s) => s.fn.functionName.startsWith(fn.functionName.slice(0, 6)),
      ],
      [{ runtime: fn.runtime ?? '' }, (s) => s.fn.runtime === fn.runtime],
      [{ gpuType: fn.gpuConfig?.gpuType ?? '' }, (s) => s.fn.gpuConfig?.gpuType === fn.gpuConfig?.gpuType],
      [{ fcVersion: 'v2' }, (s) => s.fcVersion === 'v2'],
      [{ description: 'NIGHTLY' }, (s) => (s.fn.description ?? '').toLowerCase().includes('nightly')],
      [{ resourceGroupId: fn.resourceGroupId ?? '' }, (s) => s.fn.resourceGroupId === fn.resourceGroupId],
      [
        { tags: JSON.stringify([{ Key: 'env', Value: 'prod' }]) },
        (s) => (s.fn.tags ?? []).some((t) => t.Key === 'env' && t.Value === 'prod'),
      ],
    ];
    for (const [query, predicate] of cases) {
      const res = await call(emulator, { query: { ...query, limit: '100' } });
      const got = (res.body.functions as { functionName: string }[]).map((f) => f.functionName);
      const expected = all
        .filter(predicate)
        .map((s) => s.fn.functionName)
        .slice(0, 100);
      expect(expected.length).toBeGreaterThan(0);
      expect(got).toEqual(expected);
    }
  });

  it('GetFunction adds state and update status; ListFunctions leaves them out; 404 for a missing one', async () => {
    const emulator = small();
    const list = await call(emulator, { query: { limit: '100' } });
    const first = (list.body.functions as Record<string, unknown>[])[0];
    for (const f of list.body.functions as Record<string, unknown>[]) {
      expect(f).not.toHaveProperty('state');
      expect(f).not.toHaveProperty('lastUpdateStatus');
    }
    const name = String(first?.functionName);
    const got = await call(emulator, { path: `/2023-03-30/functions/${name}`, action: 'GetFunction' });
    expect(got.status).toBe(200);
    expect(got.body.functionName).toBe(name);
    expect(['Active', 'Pending', 'Inactive', 'Failed']).toContain(got.body.state);
    expect(got.body.lastUpdateStatus).toBeTypeOf('string');
    const missing = await call(emulator, { path: '/2023-03-30/functions/no-such-fn', action: 'GetFunction' });
    expect([missing.status, missing.body.Code]).toEqual([404, 'FunctionNotFound']);
  });

  it('serves other regions under /regions/{region} and refuses regions it does not have', async () => {
    const emulator = small();
    const sh = await call(emulator, { path: '/regions/cn-shanghai/2023-03-30/functions' });
    const arn = (sh.body.functions as { functionArn: string }[])[0]?.functionArn;
    expect(arn).toMatch(/^acs:fc:cn-shanghai:/);
    const nowhere = await call(emulator, { path: '/regions/eu-west-9/2023-03-30/functions' });
    expect([nowhere.status, nowhere.body.Code]).toEqual([400, 'InvalidArgument']);
  });
});

describe('emulator: fault control', () => {
  it('takes faults over the control API when enabled, validates them, and takes a region down', async () => {
    const emulator = createEmulator({ fleet: { functionsPerRegion: 20 }, control: true });
    const put = (body: unknown) =>
      emulator.app.request('/__emulator/faults', { method: 'PUT', body: JSON.stringify(body) });
    const bad = await put({ throttleRate: 2 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { Message: string }).Message).toContain('throttleRate');
    expect((await put({ bogus: 1 })).status).toBe(400);
    expect((await put({ downRegions: ['cn-shanghai'] })).status).toBe(200);
    const down = await call(emulator, { path: '/regions/cn-shanghai/2023-03-30/functions' });
    expect([down.status, down.body.Code]).toEqual([503, 'ServiceUnavailable']);
    expect((await call(emulator)).status).toBe(200);
    expect(emulator.stats.count('ListFunctions', 'cn-hangzhou')).toBe(1);
    const off = createEmulator({ fleet: { functionsPerRegion: 1 } });
    expect((await off.app.request('/__emulator/faults')).status).toBe(400);
  });
});

describe('emulator: rate limit', () => {
  it('throttles requests beyond the configured rate per region, and refills with time', async () => {
    let clock = 1_000_000;
    const emulator = createEmulator({
      fleet: { functionsPerRegion: 5 },
      faults: { rateLimitPerSecond: 3 },
      now: () => clock,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await emulator.app.fetch(await signedRequest(creds, { date: new Date(clock) }))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const other = await emulator.app.fetch(
      await signedRequest(creds, {
        path: '/regions/cn-shanghai/2023-03-30/functions',
        date: new Date(clock),
      }),
    );
    expect(other.status).toBe(200);
    clock += 1000;
    expect((await emulator.app.fetch(await signedRequest(creds, { date: new Date(clock) }))).status).toBe(
      200,
    );
  });
});
