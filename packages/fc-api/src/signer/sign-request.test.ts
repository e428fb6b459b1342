import { OpenApiUtil } from '@alicloud/openapi-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentEncode } from './canonical-request.ts';
import { createAcs3Signer, formatAcsDate, parseAuthorization } from './sign-request.ts';
import { EMPTY_BODY_SHA256 } from './web-crypto.ts';

// The official SDK's own signing function is the oracle: same request in, same header out.
function sdkAuthorization(
  req: { method: string; pathname: string; query: Record<string, string>; headers: Record<string, string> },
  accessKeyId: string,
  secret: string,
): string {
  return OpenApiUtil.getAuthorization(
    req as never,
    'ACS3-HMAC-SHA256',
    EMPTY_BODY_SHA256,
    accessKeyId,
    secret,
  );
}

const baseHeaders = (extra: Record<string, string> = {}) => ({
  host: 'fcv3.cn-hangzhou.aliyuncs.com',
  'x-acs-action': 'ListFunctions',
  'x-acs-version': '2023-03-30',
  'x-acs-date': '2026-11-27T10:20:30Z',
  'x-acs-signature-nonce': '3f1b9c2e-9a41-4a57-8f5e-1d2c3b4a5f60',
  'x-acs-content-sha256': EMPTY_BODY_SHA256,
  accept: 'application/json',
  'user-agent': 'fc-fleet/test',
  ...extra,
});

const vectors: {
  name: string;
  pathname: string;
  query: Record<string, string>;
  headers: Record<string, string>;
}[] = [
  { name: 'no query', pathname: '/2023-03-30/functions', query: {}, headers: baseHeaders() },
  {
    name: 'limit and token',
    pathname: '/2023-03-30/functions',
    query: { limit: '100', nextToken: 'YWJj/ZGVm+Zz==' },
    headers: baseHeaders(),
  },
  {
    name: 'space',
    pathname: '/2023-03-30/functions',
    query: { prefix: 'order service' },
    headers: baseHeaders(),
  },
  {
    name: 'star tilde quote paren bang',
    pathname: '/2023-03-30/functions',
    query: { description: "a*b~c'd(e)f!g" },
    headers: baseHeaders(),
  },
  {
    name: 'non-ASCII',
    pathname: '/2023-03-30/functions',
    query: { description: '订单服务 — café ✓ 🚀' },
    headers: baseHeaders(),
  },
  {
    name: 'tags JSON',
    pathname: '/2023-03-30/functions',
    query: {
      tags: JSON.stringify([
        { Key: 'env', Value: 'prod' },
        { Key: 'team name', Value: "o'neil (ops)" },
      ]),
      fcVersion: 'v3',
    },
    headers: baseHeaders(),
  },
  {
    name: 'empty value',
    pathname: '/2023-03-30/functions',
    query: { prefix: '', limit: '1' },
    headers: baseHeaders(),
  },
  {
    name: 'STS token',
    pathname: '/2023-03-30/functions',
    query: { prefix: 'svc-' },
    headers: baseHeaders({
      'x-acs-accesskey-id': 'STS.NUgYrLnoC37mZZCNnAbez2KSu',
      'x-acs-security-token':
        'CAIS+gF1q6Ft5B2yfSjIr5fYPd/Hh7dq0a+dZ2vqrhUXEfMc3bnujjz2IHhMenBhAO8YtvQ2m2tY7PsYlrUqFsYdHBCbMp4l9dRa9lL3d0XYrmsYt9rScdq==',
      'x-acs-credentials-provider': 'sts',
    }),
  },
  {
    name: 'GetFunction with awkward name',
    pathname: `/2023-03-30/functions/${percentEncode("svc*a~b'c(d)")}`,
    query: { qualifier: 'LATEST' },
    headers: baseHeaders({ 'x-acs-action': 'GetFunction' }),
  },
  {
    name: 'header whitespace and content-type',
    pathname: '/2023-03-30/functions',
    query: {},
    headers: baseHeaders({
      'x-acs-action': '  ListFunctions  ',
      'Content-Type': 'application/json; charset=utf-8',
    }),
  },
];

describe('ACS3-HMAC-SHA256 signer', () => {
  const credentials = { accessKeyId: 'test-access-key-id', accessKeySecret: 'test-secret/with+odd=chars' };

  for (const vector of vectors) {
    it(`matches the official SDK byte for byte: ${vector.name}`, async () => {
      const ours = await createAcs3Signer().authorization(
        {
          method: 'GET',
          pathname: vector.pathname,
          query: vector.query,
          headers: vector.headers,
          payloadHash: EMPTY_BODY_SHA256,
        },
        credentials,
      );
      const sdk = sdkAuthorization(
        { method: 'GET', ...vector },
        credentials.accessKeyId,
        credentials.accessKeySecret,
      );
      expect(ours).toBe(sdk);
    });
  }

  it('matches the SDK for arbitrary query values, header values and secrets', async () => {
    const signer = createAcs3Signer();
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('prefix', 'description', 'runtime', 'nextToken', 'tags', 'gpuType'),
          fc.string({ unit: 'grapheme' }),
        ),
        fc.string({ minLength: 1, unit: 'grapheme' }),
        fc.string({ minLength: 8 }),
        async (query, nonce, secret) => {
          const headers = baseHeaders({ 'x-acs-signature-nonce': nonce });
          const input = { method: 'GET', pathname: '/2023-03-30/functions', query, headers };
          const ours = await signer.authorization(
            { ...input, payloadHash: EMPTY_BODY_SHA256 },
            { accessKeyId: 'ak', accessKeySecret: secret },
          );
          expect(ours).toBe(sdkAuthorization(input, 'ak', secret));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('signs differently when any signed part changes', async () => {
    const signer = createAcs3Signer();
    const input = {
      method: 'GET',
      pathname: '/2023-03-30/functions',
      query: { prefix: 'a' },
      headers: baseHeaders(),
      payloadHash: EMPTY_BODY_SHA256,
    };
    const base = await signer.authorization(input, credentials);
    const changed = [
      { ...input, query: { prefix: 'b' } },
      { ...input, pathname: '/2023-03-30/functions/x' },
      { ...input, headers: baseHeaders({ 'x-acs-date': '2026-11-27T10:20:31Z' }) },
    ];
    for (const variant of changed) expect(await signer.authorization(variant, credentials)).not.toBe(base);
    expect(await signer.authorization(input, { ...credentials, accessKeySecret: 'other' })).not.toBe(base);
    // user-agent is not signed
    expect(
      await signer.authorization({ ...input, headers: baseHeaders({ 'user-agent': 'x' }) }, credentials),
    ).toBe(base);
  });

  it('formats the date without milliseconds and parses its own header', async () => {
    expect(formatAcsDate(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05Z');
    const header = await createAcs3Signer().authorization(
      {
        method: 'GET',
        pathname: '/2023-03-30/functions',
        query: {},
        headers: baseHeaders(),
        payloadHash: EMPTY_BODY_SHA256,
      },
      credentials,
    );
    const parsed = parseAuthorization(header);
    expect(parsed?.accessKeyId).toBe('test-access-key-id');
    expect(parsed?.signedHeaders).toEqual([
      'host',
      'x-acs-action',
      'x-acs-content-sha256',
      'x-acs-date',
      'x-acs-signature-nonce',
      'x-acs-version',
    ]);
    expect(parseAuthorization('acs ak:sig')).toBeUndefined();
    expect(
      parseAuthorization('ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=zz'),
    ).toBeUndefined();
  });
});
