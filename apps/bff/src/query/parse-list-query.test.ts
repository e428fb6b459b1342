import { describe, expect, it } from 'vitest';
import type { Account } from '../accounts/account.ts';
import { ApiError } from '../errors.ts';
import { toIndexFilters } from './index-filters.ts';
import { FILTER_PARAMS, parseFilterQuery, parseListQuery } from './parse-list-query.ts';
import { clip, intParam, readParams, stringParam } from './query-params.ts';

// The parsing of a view's query, without a server: every rule of the parameters, and the message
// and code each refusal carries. The routes' tests check the same over HTTP against the emulator.

const account = (alias: string, regions: string[]): Account => ({
  alias,
  regions,
  endpoint: 'http://fc.invalid/{region}',
  credentials: async () => ({ accessKeyId: 'unused', accessKeySecret: 'unused' }),
  secrets: () => [],
});
const ACCOUNTS = [
  account('prod', ['cn-hangzhou', 'cn-shanghai']),
  account('dev', ['cn-shanghai', 'cn-beijing']),
];
const url = (query: string) => new URL(`http://bff.test/api/functions?${query}`);
const list = (query: string) => parseListQuery(url(query), ACCOUNTS);

/** The refusal a query gets: its code and message. */
function refusal(parse: () => unknown): { code: string; message: string } {
  try {
    parse();
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the query was accepted');
}

describe('the accounts and regions of a view', () => {
  it("takes the first account's first region by default, and `all` of one account's or every account's", () => {
    const scope = (query: string) => {
      const req = list(query);
      return [req.accounts.map((a) => a.alias), req.regions];
    };
    expect(scope('')).toEqual([['prod'], ['cn-hangzhou']]);
    expect(scope('account=dev')).toEqual([['dev'], ['cn-shanghai']]);
    expect(scope('region=all')).toEqual([['prod'], ['cn-hangzhou', 'cn-shanghai']]);
    expect(scope('account=all')).toEqual([
      ['prod', 'dev'],
      ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'],
    ]);
    expect(scope('account=all&region=all')).toEqual([
      ['prod', 'dev'],
      ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'],
    ]);
    expect(scope('account=all&region=cn-beijing, cn-shanghai,cn-beijing')).toEqual([
      ['prod', 'dev'],
      ['cn-beijing', 'cn-shanghai'],
    ]);
    expect(scope('account=dev&region=cn-beijing')).toEqual([['dev'], ['cn-beijing']]);
  });

  it('refuses an unknown account and a region the chosen accounts do not have, naming what exists', () => {
    expect(refusal(() => list('account=nobody'))).toEqual({
      code: 'UnknownAccount',
      message: 'Unknown account "nobody". Known: prod, dev, or all.',
    });
    expect(refusal(() => list('account=prod&region=cn-beijing'))).toEqual({
      code: 'UnknownRegion',
      message:
        'Region "cn-beijing" is not configured for account prod. Configured: cn-hangzhou, cn-shanghai, or all.',
    });
    expect(refusal(() => list('account=all&region=cn-hangzhou,mars-1,venus-2'))).toEqual({
      code: 'UnknownRegion',
      message:
        'Region "mars-1,venus-2" is not configured for any account. Configured: cn-hangzhou, cn-shanghai, cn-beijing, or all.',
    });
    expect(refusal(() => list('region=,')).code).toBe('UnknownRegion');
  });
});

describe('the parameters of a view', () => {
  it('reads filters, sort, limit and cursor', () => {
    const req = list(
      'account=all&region=all&runtime=nodejs18&has=vpc,gpu&lacks=nas&lifecycle=eol&tags=!env,team=pay&sort=memorySize:desc&limit=100&cursor=abc',
    );
    expect(req.filters).toEqual({
      runtime: 'nodejs18',
      tags: [
        { Key: 'env', Absent: true },
        { Key: 'team', Value: 'pay' },
      ],
      has: ['vpc', 'gpu'],
      lacks: ['nas'],
      lifecycle: 'eol',
    });
    expect([req.sort, req.limit, req.cursor]).toEqual([{ field: 'memorySize', dir: 'desc' }, 100, 'abc']);
    expect([list('').sort, list('').limit, list('').cursor]).toEqual([
      { field: 'name', dir: 'asc' },
      50,
      undefined,
    ]);
    expect(list('sort=runtime').sort).toEqual({ field: 'runtime', dir: 'asc' });
    expect(list('limit=1').limit).toBe(1);
    expect(list('limit=').limit).toBe(50);
  });

  it('refuses each bad parameter with the parameter named', () => {
    const cases: [string, string][] = [
      ['sort=size', 'Parameter "sort" must be one of name, lastModifiedTime'],
      ['sort=name:up', 'Parameter "sort" must be one of'],
      ['sort=name:asc:desc', 'Parameter "sort" must be one of'],
      ['limit=0', 'Parameter "limit" must be an integer from 1 to 100 (got "0").'],
      ['limit=101', 'Parameter "limit" must be an integer from 1 to 100 (got "101").'],
      ['limit=1e2', 'Parameter "limit" must be an integer from 1 to 100 (got "1e2").'],
      [`cursor=${'c'.repeat(8193)}`, 'Parameter "cursor" is longer than 8192 characters.'],
      ['lifecycle=retired', 'Parameter "lifecycle" must be deprecated or eol or current (got "retired").'],
      ['has=vpc&has=gpu', 'Parameter "has" is given more than once.'],
      ['q=a%01b', 'Parameter "q" contains control characters.'],
      ['nope=1', 'Unknown parameter "nope". Allowed: account, region, prefix'],
    ];
    for (const [query, message] of cases) {
      const got = refusal(() => list(query));
      expect(got.code, query).toBe('InvalidParameter');
      expect(got.message, query).toContain(message);
    }
    expect(list(`cursor=${'c'.repeat(8192)}`).cursor).toHaveLength(8192);
  });

  it('takes only the filter parameters where a route lists no sort, limit or cursor', () => {
    const facets = (query: string) => parseFilterQuery(url(query), ACCOUNTS, FILTER_PARAMS);
    expect(facets('region=all&runtime=go1').filters).toEqual({ runtime: 'go1' });
    for (const name of ['sort', 'limit', 'cursor'])
      expect(refusal(() => facets(`${name}=1`)).message).toContain(`Unknown parameter "${name}"`);
  });
});

describe('the index filters of a view', () => {
  it('are the same for the same view in any order of its lists, so its cursors are too', () => {
    const a = toIndexFilters(
      list('account=all&region=cn-shanghai,cn-hangzhou&has=vpc,gpu&lacks=oss,nas&tags=team=x,!env'),
    );
    const b = toIndexFilters(
      list('account=all&region=cn-hangzhou,cn-shanghai&has=gpu,vpc&lacks=nas,oss&tags=!env,team=x'),
    );
    expect(a).toEqual(b);
    expect(a).toEqual({
      accounts: ['dev', 'prod'],
      regions: ['cn-hangzhou', 'cn-shanghai'],
      tags: [
        { Key: 'env', Absent: true },
        { Key: 'team', Value: 'x' },
      ],
      has: ['gpu', 'vpc'],
      lacks: ['nas', 'oss'],
    });
    // Lists given backwards are put in order, whatever their length.
    expect(toIndexFilters(list('has=vpc,oss,nas,gpu&lacks=tracing,logs,layers,container'))).toMatchObject({
      has: ['gpu', 'nas', 'oss', 'vpc'],
      lacks: ['container', 'layers', 'logs', 'tracing'],
    });
    expect(toIndexFilters(list('runtime=go1&q='))).toEqual({
      accounts: ['prod'],
      regions: ['cn-hangzhou'],
      runtime: 'go1',
    });
  });
});

describe('query parameter helpers', () => {
  const params = (query: string) => readParams(url(query), ['a', 'b']);

  it('clips long untrusted text in messages', () => {
    expect(clip('x'.repeat(40))).toBe('x'.repeat(40));
    expect(clip('x'.repeat(41))).toBe(`${'x'.repeat(40)}…`);
    expect(clip('abcdef', 3)).toBe('abc…');
  });

  it('refuses a parameter with a control character, whatever its name', () => {
    for (const bad of ['%00', 'x%0Ay', '%1F', '%7F'])
      expect(
        refusal(() => params(`a=${bad}`)),
        bad,
      ).toEqual({
        code: 'InvalidParameter',
        message: 'Parameter "a" contains control characters.',
      });
    expect(params('a=%7E%20x').get('a')).toBe('~ x');
  });

  it('reads a string within its length and pattern, empty as absent', () => {
    const p = params('a=abc&b=');
    expect(stringParam(p, 'a', 3)).toBe('abc');
    expect(stringParam(p, 'b', 3)).toBeUndefined();
    expect(stringParam(p, 'missing', 3)).toBeUndefined();
    expect(refusal(() => stringParam(p, 'a', 2)).message).toBe('Parameter "a" is longer than 2 characters.');
    expect(refusal(() => stringParam(p, 'a', 9, /^\d+$/, 'digits'))).toEqual({
      code: 'InvalidParameter',
      message: 'Parameter "a" is not valid: digits (got "abc").',
    });
    expect(refusal(() => stringParam(p, 'a', 9, /^\d+$/)).message).toBe(
      'Parameter "a" is not valid (got "abc").',
    );
  });

  it('reads an integer within its bounds, empty as absent', () => {
    expect(intParam(params('a=7'), 'a', 7, 7)).toBe(7);
    expect(intParam(params('a='), 'a', 1, 9)).toBeUndefined();
    for (const bad of ['6', '8', '-7', '7.0', ' 7', '1234567890'])
      expect(refusal(() => intParam(params(`a=${encodeURIComponent(bad)}`), 'a', 7, 7)).code, bad).toBe(
        'InvalidParameter',
      );
    expect(intParam(params('a=123456789'), 'a', 0, 999_999_999)).toBe(123_456_789);
  });
});
