import type { AddressInfo } from 'node:net';
import FcSdk, {
  GetFunctionRequest,
  ListFunctionsRequest,
  type Function as SdkFunction,
  Tag,
} from '@alicloud/fc20230330';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, DEFAULT_EMULATOR_CREDENTIALS } from './app.ts';

// The official SDK must not be able to tell the emulator from the cloud: it signs, pages and parses
// errors with its own code, over real HTTP.
// The package is CommonJS with `exports.default`; loaders differ on what a default import gives.
type SdkClient = InstanceType<typeof FcSdk>;
type SdkConstructor = new (config: $OpenApiUtil.Config) => SdkClient;
const sdkModule = FcSdk as unknown as SdkConstructor | { default: SdkConstructor };
const Client: SdkConstructor = typeof sdkModule === 'function' ? sdkModule : sdkModule.default;

describe('official SDK (@alicloud/fc20230330) against the standalone emulator', () => {
  const emulator = createEmulator({ fleet: { functionsPerRegion: 1500 } });
  let server: ReturnType<typeof serve>;
  let endpoint = '';

  beforeAll(async () => {
    server = serve({ fetch: emulator.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sdk = (
    credentials: {
      accessKeyId: string;
      accessKeySecret: string;
      securityToken?: string;
    } = DEFAULT_EMULATOR_CREDENTIALS,
  ) =>
    new Client(
      new $OpenApiUtil.Config({ ...credentials, endpoint, protocol: 'http', regionId: 'cn-hangzhou' }),
    );

  it('lists every function page by page, in order, each once', async () => {
    const client = sdk();
    const names: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const res = await client.listFunctions(new ListFunctionsRequest({ limit: 100, nextToken }));
      pages++;
      names.push(...(res.body?.functions ?? []).map((f: SdkFunction) => f.functionName ?? ''));
      nextToken = res.body?.nextToken || undefined;
    } while (nextToken);
    expect(pages).toBe(15);
    expect(names).toEqual(emulator.fleet.region('cn-hangzhou')?.allNames());
  });

  it('sends prefix, tags and awkward values that the emulator verifies and applies', async () => {
    const res = await sdk().listFunctions(
      new ListFunctionsRequest({
        prefix: 'payments-',
        description: "nightly (v2) o'brien *",
        tags: [new Tag({ key: 'env', value: 'prod' })],
        limit: 50,
      }),
    );
    expect(res.statusCode).toBe(200);
    const filtered = await sdk().listFunctions(
      new ListFunctionsRequest({
        prefix: 'payments-',
        tags: [new Tag({ key: 'env', value: 'prod' })],
        limit: 100,
      }),
    );
    const got = filtered.body?.functions ?? [];
    expect(got.length).toBeGreaterThan(0);
    for (const fn of got) {
      expect(fn.functionName?.startsWith('payments-')).toBe(true);
      expect(fn.tags?.some((t: Tag) => t.key === 'env' && t.value === 'prod')).toBe(true);
    }
  });

  it('gets one function, with its state, and surfaces FunctionNotFound', async () => {
    const name = emulator.fleet.region('cn-hangzhou')?.allNames()[7] ?? '';
    const res = await sdk().getFunction(name, new GetFunctionRequest({}));
    expect(res.body?.functionName).toBe(name);
    expect(res.body?.state).toBeTypeOf('string');
    expect(res.body?.functionArn).toBe(`acs:fc:cn-hangzhou:1234567890123456:functions/${name}`);
    await expect(sdk().getFunction('does-not-exist', new GetFunctionRequest({}))).rejects.toMatchObject({
      code: 'FunctionNotFound',
      statusCode: 404,
    });
  });

  it('signs with an STS token the emulator accepts, and a wrong secret it refuses', async () => {
    const sts = {
      accessKeyId: 'STS.sdk-test',
      accessKeySecret: 'sts-sdk-secret',
      securityToken: 'CAIS-sdk-token+/=',
    };
    emulator.credentials.add(sts);
    const res = await sdk(sts).listFunctions(new ListFunctionsRequest({ limit: 5 }));
    expect(res.body?.functions?.length).toBe(5);
    const wrong = sdk({ accessKeyId: DEFAULT_EMULATOR_CREDENTIALS.accessKeyId, accessKeySecret: 'wrong' });
    await expect(wrong.listFunctions(new ListFunctionsRequest({ limit: 5 }))).rejects.toMatchObject({
      code: 'SignatureNotMatch',
      statusCode: 403,
    });
  });
});
