import { LIFECYCLE_STATUSES } from '@fc-fleet/fleet-contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseView, serializeView } from './url-state.ts';
import {
  ALL_ACCOUNTS,
  DEFAULT_VIEW,
  DRAWER_TABS,
  filterParams,
  HAS_VALUES,
  listingParams,
  SORT_FIELDS,
  TEXT_FILTERS,
  type ViewState,
} from './view-state.ts';

const VALID: Partial<Record<(typeof TEXT_FILTERS)[number], string>> = {
  runtime: 'python3.10',
  gpuType: 'fc.gpu.ampere.1',
  tags: 'env=prod,cost-center,!team',
  resourceGroupId: 'rg-acfm2x',
  vpcId: 'vpc-bp1abc',
  vSwitchId: 'vsw-bp1abc',
  securityGroupId: 'sg-bp1abc',
  ossBucket: 'models-prod',
  acceleration: 'Ready',
};

const full: ViewState = {
  page: 'functions',
  account: 'prod',
  regions: ['cn-hangzhou', 'cn-shanghai'],
  // Free text where the contract allows it, and well-formed ids, runtimes and tags where it checks them.
  text: Object.fromEntries(TEXT_FILTERS.map((name, i) => [name, VALID[name] ?? `${name}-value ${i}/é,=:`])),
  fcVersion: 'v3',
  has: ['vpc', 'gpu'],
  lacks: ['nas', 'oss'],
  lifecycle: 'eol',
  internetAccess: false,
  memoryMin: 512,
  memoryMax: 4096,
  changed: '24h',
  changes: {},
  sort: { field: 'lastModifiedTime', dir: 'desc' },
  fn: { region: 'cn-shanghai', name: 'payments-checkout-api-prod' },
  tab: 'gpu',
  embed: true,
  theme: 'dark',
};

describe('URL state', () => {
  it('round-trips every parameter', () => {
    const search = serializeView(full);
    const parsed = parseView(search);
    expect(parsed.problems).toEqual([]);
    expect(parsed.view).toEqual(full);
  });

  it('writes nothing for the default view and reads the default from nothing', () => {
    expect(serializeView(DEFAULT_VIEW)).toBe('');
    expect(parseView('').view).toEqual(DEFAULT_VIEW);
    expect(parseView('?region=all').view.regions).toBe('all');
  });

  it('round-trips arbitrary valid views', () => {
    const region = fc.constantFrom('cn-hangzhou', 'cn-shanghai', 'ap-southeast-1', 'us-west-1');
    const view = fc.record({
      regions: fc.oneof(fc.constant('all' as const), fc.uniqueArray(region, { maxLength: 3 })),
      // The free-text filters: the contract checks the others' shape (see VALID above).
      text: fc.dictionary(
        fc.constantFrom(...TEXT_FILTERS.filter((name) => VALID[name] === undefined)),
        fc
          .string({ minLength: 1, maxLength: 40, unit: 'grapheme' })
          .filter((s) => s.trim() === s && s.length > 0 && !/\p{Cc}/u.test(s)),
      ),
      has: fc.uniqueArray(fc.constantFrom(...HAS_VALUES)),
      lacks: fc.uniqueArray(fc.constantFrom(...HAS_VALUES)),
      lifecycle: fc.option(fc.constantFrom(...LIFECYCLE_STATUSES), { nil: undefined }),
      changed: fc.option(fc.constantFrom('1h' as const, '24h' as const, '7d' as const), { nil: undefined }),
      sort: fc.record({
        field: fc.constantFrom(...SORT_FIELDS),
        dir: fc.constantFrom('asc' as const, 'desc' as const),
      }),
      tab: fc.constantFrom(...DRAWER_TABS),
      fn: fc.option(
        fc.record({
          region,
          // A function name never has a slash (the BFF refuses one).
          name: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => !/[\p{Cc}/]/u.test(s)),
        }),
        { nil: undefined },
      ),
      embed: fc.boolean(),
      theme: fc.constantFrom('light' as const, 'dark' as const, 'system' as const),
    });
    fc.assert(
      fc.property(view, (v) => {
        const candidate: ViewState = {
          ...DEFAULT_VIEW,
          ...v,
          tab: v.fn ? v.tab : 'overview',
        };
        const parsed = parseView(serializeView(candidate));
        expect(parsed.problems).toEqual([]);
        expect(parsed.view).toEqual(candidate);
      }),
      { numRuns: 300 },
    );
  });

  it('drops garbage with a reason for each, keeping what is valid', () => {
    const { view, problems } = parseView(
      '?region=mars%201,cn-hangzhou&memoryMin=abc&memoryMax=99999999&has=vpc,cheese&sort=size:up&tab=bogus&theme=neon&fcVersion=v9&internetAccess=maybe&fn=nonsense&bogus=1&prefix=a&prefix=b&changed=2h',
    );
    expect(view.regions).toEqual(['cn-hangzhou']);
    expect(view.memoryMin).toBeUndefined();
    expect(view.memoryMax).toBeUndefined();
    // A list with one bad item is dropped whole, as the BFF would refuse it whole.
    expect(view.has).toEqual([]);
    expect(view.sort).toEqual({ field: 'name', dir: 'asc' });
    expect(view.tab).toBe('overview');
    expect(view.theme).toBe('system');
    expect(view.fcVersion).toBeUndefined();
    expect(view.internetAccess).toBeUndefined();
    expect(view.fn).toBeUndefined();
    expect(view.text.prefix).toBe('a');
    expect(view.changed).toBeUndefined();
    for (const word of [
      'changed',
      'mars 1',
      'memoryMin',
      'memoryMax',
      'cheese',
      'sort',
      'bogus',
      'neon',
      'fcVersion',
      'internetAccess',
      'fn=',
      'prefix',
    ]) {
      expect(problems.some((p) => p.includes(word))).toBe(true);
    }
  });

  it('refuses an inverted memory range and over-long or control-character text', () => {
    const inverted = parseView('?memoryMin=4096&memoryMax=128');
    expect([inverted.view.memoryMin, inverted.view.memoryMax]).toEqual([4096, undefined]);
    expect(inverted.problems).toHaveLength(1);
    const long = parseView(`?q=${'x'.repeat(300)}&prefix=a%00b`);
    expect(long.view.text).toEqual({});
    expect(long.problems).toHaveLength(2);
  });

  it('never throws on random input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const parsed = parseView(`?${text}`);
        // Whatever was read is a view that writes and reads back to itself, with nothing to say.
        const again = parseView(serializeView(parsed.view));
        expect(again.problems).toEqual([]);
        expect(again.view).toEqual(parsed.view);
      }),
      { numRuns: 500 },
    );
  });

  it('asks the BFF for the listing without the drawer, tab or chrome', () => {
    const params = listingParams(full);
    expect(params.get('region')).toBe('cn-hangzhou,cn-shanghai');
    expect(params.get('sort')).toBe('lastModifiedTime:desc');
    expect(params.get('has')).toBe('vpc,gpu');
    expect(params.get('changed')).toBe('24h');
    for (const key of ['fn', 'tab', 'embed', 'theme', 'limit', 'cursor']) expect(params.has(key)).toBe(false);
  });

  it('round-trips the account: one alias, or all of them', () => {
    for (const account of ['prod', 'team.b-2', ALL_ACCOUNTS]) {
      const view: ViewState = { ...DEFAULT_VIEW, account, regions: ['cn-shanghai'], has: ['gpu'] };
      const search = serializeView(view);
      expect(search).toBe(`?account=${account}&region=cn-shanghai&has=gpu`);
      expect(parseView(search)).toEqual({ view, problems: [] });
    }
    expect(parseView('?account=all&region=all').view).toMatchObject({ account: 'all', regions: 'all' });
  });

  it('names the account of the open drawer under All accounts, and still reads region/name links', () => {
    const view: ViewState = {
      ...DEFAULT_VIEW,
      account: ALL_ACCOUNTS,
      regions: 'all',
      fn: { account: 'team.b-2', region: 'cn-shanghai', name: 'orders-api' },
      tab: 'network',
    };
    const search = serializeView(view);
    expect(search).toBe('?account=all&region=all&fn=team.b-2/cn-shanghai/orders-api&tab=network');
    expect(parseView(search)).toEqual({ view, problems: [] });
    expect(parseView('?fn=cn-shanghai/orders-api').view.fn).toEqual({
      region: 'cn-shanghai',
      name: 'orders-api',
    });
    for (const bad of [
      'a/b/cn-shanghai/x',
      '%3Cx%3E/cn-shanghai/x',
      'prod/not a region/x',
      'prod/cn-shanghai/',
    ]) {
      const read = parseView(`?fn=${bad}`);
      expect(read.view.fn, bad).toBeUndefined();
      expect(read.problems, bad).toHaveLength(1);
    }
  });

  it('drops an account that is not a name, saying why', () => {
    const { view, problems } = parseView('?account=%3Cscript%3E&has=vpc');
    expect(view.account).toBeUndefined();
    expect(view.has).toEqual(['vpc']);
    expect(problems).toEqual(['Ignored account="<script>": not an account name.']);
  });

  it('reads the edges of a link as written: whole names, defaults, limits, and a clipped reason', () => {
    const read = (search: string) => parseView(search);
    // Names checked whole, not in part.
    for (const search of ['?region=cn-hangzhou!', '?region=9cn-hangzhou', '?account=prod!', '?account=!prod'])
      expect(read(search).problems, search).toHaveLength(1);
    expect(read('?region=cn-hangzhou,%20cn-shanghai').view.regions).toEqual(['cn-hangzhou', 'cn-shanghai']);
    // The drawer: region/name or account/region/name, a name of at most 128 characters.
    const fn = (value: string) => read(`?fn=${value}`).view.fn;
    expect(fn('cn-hangzhou/f')).toStrictEqual({ region: 'cn-hangzhou', name: 'f' });
    expect(fn('prod/cn-hangzhou/f')).toStrictEqual({ account: 'prod', region: 'cn-hangzhou', name: 'f' });
    expect(fn(`cn-hangzhou/${'n'.repeat(128)}`)?.name).toHaveLength(128);
    for (const bad of [
      'cn-hangzhou',
      `cn-hangzhou/${'n'.repeat(129)}`,
      'cn-hangzhou/f/x/y',
      '_prod/cn-hangzhou/f',
      'prod!/cn-hangzhou/f',
    ])
      expect(fn(bad), bad).toBeUndefined();
    // A sort without a direction is ascending; a direction that is neither is refused.
    expect(read('?sort=memorySize').view.sort).toEqual({ field: 'memorySize', dir: 'asc' });
    expect(read('?sort=memorySize:up')).toMatchObject({
      view: { sort: DEFAULT_VIEW.sort },
      problems: ['Ignored sort="memorySize:up"; sorted by name instead.'],
    });
    expect(read('?tab=secrets').problems).toEqual(['Unknown drawer tab "secrets"; showing the overview.']);
    expect([read('?embed=true').view.embed, read('?embed=yes').view.embed]).toEqual([true, false]);
    expect(read('?theme=system')).toMatchObject({ view: { theme: 'system' }, problems: [] });
    // What a reason quotes of a value is clipped to 40 characters.
    expect(read(`?${'p'.repeat(41)}=1`).problems).toEqual([
      `Ignored the unknown parameter "${'p'.repeat(40)}…".`,
    ]);
    expect(read(`?${'p'.repeat(40)}=1`).problems).toEqual([
      `Ignored the unknown parameter "${'p'.repeat(40)}".`,
    ]);
  });

  it('reads and writes the lifecycle, lacks, acceleration and absent-tag filters', () => {
    const search = '?region=all&tags=!env,team=data&acceleration=Ready&lacks=vpc,nas&lifecycle=deprecated';
    const { view, problems } = parseView(search);
    expect(problems).toEqual([]);
    expect(view).toMatchObject({
      regions: 'all',
      text: { tags: '!env,team=data', acceleration: 'Ready' },
      lacks: ['vpc', 'nas'],
      lifecycle: 'deprecated',
    });
    expect(parseView(serializeView(view))).toEqual({ view, problems: [] });
    const asked = filterParams(view);
    expect([asked.get('lacks'), asked.get('lifecycle'), asked.get('acceleration')]).toEqual([
      'vpc,nas',
      'deprecated',
      'Ready',
    ]);
  });

  it('drops a lifecycle, lacks or acceleration the contract refuses, saying why', () => {
    const { view, problems } = parseView('?lifecycle=ancient&lacks=vpc,cheese&acceleration=%3Dcmd&has=gpu');
    expect(view.lifecycle).toBeUndefined();
    expect(view.lacks).toEqual([]);
    expect(view.text.acceleration).toBeUndefined();
    expect(view.has).toEqual(['gpu']);
    expect(problems).toHaveLength(3);
    for (const param of ['lifecycle', 'lacks', 'acceleration'])
      expect(problems.some((p) => p.startsWith(`Ignored ${param}:`))).toBe(true);
  });

  it('asks /api/facets for the filters with the account and regions but without the sort', () => {
    const params = filterParams({ ...full, account: ALL_ACCOUNTS });
    expect(params.get('account')).toBe('all');
    expect(params.get('region')).toBe('cn-hangzhou,cn-shanghai');
    expect(params.has('sort')).toBe(false);
  });
});

describe('URL state of the Changes page', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  const changes: ViewState = {
    ...DEFAULT_VIEW,
    page: 'changes',
    account: 'prod',
    regions: ['cn-hangzhou'],
    text: { prefix: 'orders-' },
    has: ['vpc'],
    changed: '7d',
    changes: {
      kinds: ['modified', 'deleted'],
      fields: ['memorySize', 'environmentVariables'],
      name: 'orders-api',
      since: '2026-11-27T09:00:00Z',
      until: '30m',
    },
    theme: 'dark',
    embed: true,
  };

  it("round-trips its own parameters with the table's filters", () => {
    const search = serializeView(changes);
    expect(search).toBe(
      '?account=prod&region=cn-hangzhou&prefix=orders-&has=vpc&changed=7d&kind=modified,deleted&field=memorySize,environmentVariables&name=orders-api&since=2026-11-27T09:00:00Z&until=30m&embed=1&theme=dark',
    );
    expect(parseView(search, 'changes', now)).toEqual({ view: changes, problems: [] });
  });

  it('drops what it cannot use with a reason for each, keeping the rest', () => {
    const { view, problems } = parseView(
      '?kind=modified,renamed&field=password&name=a%01b&since=yesterday&until=24h&prefix=ok',
      'changes',
      now,
    );
    expect(view.changes).toEqual({ until: '24h' });
    expect(view.text.prefix).toBe('ok');
    expect(problems).toHaveLength(4);
    for (const [param, value] of [
      ['kind', 'renamed'],
      ['field', 'password'],
      ['name', 'function name'],
      ['since', 'yesterday'],
    ])
      expect(problems.some((p) => p.startsWith(`Ignored ${param}:`) && p.includes(value ?? ''))).toBe(true);
  });

  it('refuses a range that ends before it starts', () => {
    const { view, problems } = parseView('?since=1h&until=2h', 'changes', now);
    expect(view.changes).toEqual({ since: '1h' });
    expect(problems).toEqual([expect.stringContaining('Ignored until: it is not after since')]);
  });

  it("keeps each page's parameters to itself", () => {
    // On the table the change filters mean nothing: unknown, and reported.
    const table = parseView('?kind=deleted&has=gpu');
    expect(table.view.changes).toEqual({});
    expect(table.problems).toEqual(['Ignored the unknown parameter "kind".']);
    // The Changes page has no sort and no drawer: they are not written.
    const search = serializeView({
      ...changes,
      sort: { field: 'memorySize', dir: 'desc' },
      fn: { region: 'cn-hangzhou', name: 'x' },
    });
    expect(search).not.toMatch(/sort=|fn=|tab=/);
    // The same view on the table keeps the filters and drops the change filters.
    expect(serializeView({ ...changes, page: 'functions' })).toBe(
      '?account=prod&region=cn-hangzhou&prefix=orders-&has=vpc&changed=7d&embed=1&theme=dark',
    );
  });
});

describe('URL state of the Insights page', () => {
  it("keeps the table's filters, without the sort, the drawer or the Changes page's own", () => {
    const insights: ViewState = {
      ...full,
      page: 'insights',
      changes: { kinds: ['deleted'] },
    };
    const search = serializeView(insights);
    expect(search).not.toMatch(/sort=|fn=|tab=|kind=/);
    expect(search).toContain('lacks=nas,oss&lifecycle=eol');
    const read = parseView(search, 'insights');
    expect(read.problems).toEqual([]);
    expect(read.view).toEqual({
      ...insights,
      changes: {},
      sort: DEFAULT_VIEW.sort,
      fn: undefined,
      tab: 'overview',
    });
    expect(parseView('?kind=deleted', 'insights').problems).toEqual([
      'Ignored the unknown parameter "kind".',
    ]);
  });
});
