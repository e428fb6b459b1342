import { createFcClient, FcRequestError } from '@fc-fleet/fc-api';
import { describe, expect, it } from 'vitest';
import { createEmulator, DEFAULT_EMULATOR_CREDENTIALS } from '../index.ts';

const base = {
  region: 'cn-hangzhou',
  endpoint: 'http://emulator.test',
  retry: { baseDelayMs: 1, maxAttempts: 2 },
};
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('FC client: credentials', () => {
  it('asks the provider before every attempt, so rotated STS pairs are used at once', async () => {
    const pairs = [1, 2, 3].map((n) => ({
      accessKeyId: `STS.key${n}`,
      accessKeySecret: `sts-secret-${n}`,
      securityToken: `token-${n}`,
    }));
    const emulator = createEmulator({ fleet: { functionsPerRegion: 500 }, accessKeys: pairs });
    let calls = 0;
    const client = createFcClient({
      ...base,
      credentials: async () => pairs[calls++ % pairs.length] ?? DEFAULT_EMULATOR_CREDENTIALS,
      fetch: emulator.fetch,
    });
    let total = 0;
    for await (const page of client.pages({ limit: 100 })) total += page.functions.length;
    expect(total).toBe(500);
    expect(calls).toBe(5);
  });

  it('reports a failing provider as CredentialsUnavailable without sending anything', async () => {
    let sent = 0;
    const client = createFcClient({
      ...base,
      credentials: () => Promise.reject(new Error('ECS metadata service unreachable')),
      fetch: async () => {
        sent++;
        return json({});
      },
    });
    const res = await client.listFunctions();
    expect(res.ok ? undefined : res.error.code).toBe('CredentialsUnavailable');
    expect(res.ok ? undefined : res.error.message).toContain('ECS metadata service unreachable');
    expect(sent).toBe(0);
  });

  it('never puts the secret or the token in an error message, even when the server echoes them', async () => {
    const secret = 'super-secret-value-123';
    const token = 'sts-token-value-456';
    const client = createFcClient({
      ...base,
      credentials: () => ({ accessKeyId: 'STS.id', accessKeySecret: secret, securityToken: token }),
      fetch: async () =>
        json({ Code: 'SignatureNotMatch', Message: `bad: ${secret} / ${token}`, RequestId: 'r-1' }, 403),
    });
    const res = await client.listFunctions();
    expect(res.ok).toBe(false);
    const text = JSON.stringify(res);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(token);
    expect(res.ok ? undefined : res.error.requestId).toBe('r-1');

    const emulator = createEmulator({ fleet: { functionsPerRegion: 5 } });
    const wrong = createFcClient({
      ...base,
      credentials: () => ({ accessKeyId: DEFAULT_EMULATOR_CREDENTIALS.accessKeyId, accessKeySecret: secret }),
      fetch: emulator.fetch,
    });
    const refused = await wrong.listFunctions();
    expect(
      refused.ok ? undefined : [refused.error.code, refused.error.httpStatus, refused.error.retryable],
    ).toEqual(['SignatureNotMatch', 403, false]);
    expect(JSON.stringify(refused)).not.toContain(secret);
  });
});

describe('FC client: answers the emulator never gives', () => {
  const stub = (respond: () => Response) =>
    createFcClient({
      ...base,
      credentials: () => DEFAULT_EMULATOR_CREDENTIALS,
      fetch: async () => respond(),
    });

  it('reads the FC 2.0 error body style', async () => {
    const res = await stub(() =>
      json({ errorCode: 'ServiceNotFound', errorMessage: 'service not found' }, 404),
    ).listFunctions();
    expect(res.ok ? undefined : [res.error.code, res.error.message, res.error.httpStatus]).toEqual([
      'ServiceNotFound',
      'service not found',
      404,
    ]);
  });

  it('reports an error status without an FC body, and a schema mismatch, by name', async () => {
    const html = await stub(() => new Response('<html>bad gateway</html>', { status: 502 })).listFunctions();
    expect(html.ok ? undefined : [html.error.code, html.error.httpStatus, html.error.retryable]).toEqual([
      'UnexpectedResponse',
      502,
      true,
    ]);
    const wrongShape = await stub(() => json({ functions: [{ functionName: 42 }] })).listFunctions();
    expect(wrongShape.ok ? undefined : wrongShape.error.code).toBe('InvalidResponse');
    expect(wrongShape.ok ? undefined : wrongShape.error.message).toContain('functions.0.functionName');
  });

  it('keeps fields it does not know and accepts nulls for absent blocks', async () => {
    const res = await stub(() =>
      json({ functions: [{ functionName: 'a', brandNewField: { x: 1 }, vpcConfig: null }], nextToken: '' }),
    ).listFunctions();
    expect(res.ok ? res.value.functions[0] : undefined).toEqual({
      functionName: 'a',
      brandNewField: { x: 1 },
      vpcConfig: null,
    });
  });

  it('stops a server that repeats a token instead of looping forever', async () => {
    const client = stub(() => json({ functions: [{ functionName: 'a' }], nextToken: 'same' }));
    const seen: number[] = [];
    const run = async () => {
      for await (const page of client.pages()) seen.push(page.functions.length);
    };
    await expect(run()).rejects.toSatisfy(
      (e) => e instanceof FcRequestError && e.error.code === 'PaginationLoop',
    );
    expect(seen).toEqual([1, 1]);
  });

  it('refuses endpoints and regions that cannot be right', async () => {
    for (const [endpoint, region] of [
      ['ftp://x/{region}', 'cn-hangzhou'],
      ['https://x?y=1', 'cn-hangzhou'],
      ['https://fcv3.{region}.aliyuncs.com', 'CN HZ'],
    ]) {
      const res = await createFcClient({
        region: region ?? '',
        endpoint,
        credentials: () => DEFAULT_EMULATOR_CREDENTIALS,
      }).listFunctions();
      expect(res.ok ? undefined : res.error.code).toBe('InvalidClientRequest');
    }
  });
});
