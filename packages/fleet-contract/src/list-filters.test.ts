import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILTER_NAMES, type ListFilters, parseFilters, writeFilters } from './list-filters.ts';
import { LIFECYCLE_STATUSES } from './runtime-lifecycle.ts';
import { HAS_VALUES } from './vocabulary.ts';

const read = (query: string) => {
  const params = new URLSearchParams(query);
  return parseFilters((name) => params.get(name) ?? undefined);
};

describe('the filters of a view, defined once', () => {
  it('reads every kind of filter and writes it back in the canonical order', () => {
    const { filters, problems } = read(
      'memoryMin=1024&has=vpc,gpu&tags=env=prod,cost-center&fcVersion=v2&q=pay&internetAccess=false',
    );
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      q: 'pay',
      tags: [{ Key: 'env', Value: 'prod' }, { Key: 'cost-center' }],
      fcVersion: 'v2',
      has: ['vpc', 'gpu'],
      internetAccess: false,
      memoryMin: 1024,
    });
    expect(writeFilters(filters).toString()).toBe(
      'q=pay&tags=env%3Dprod%2Ccost-center&fcVersion=v2&has=vpc%2Cgpu&internetAccess=false&memoryMin=1024',
    );
  });

  it('reports every bad value with its parameter and keeps the good ones', () => {
    const { filters, problems } = read(
      'runtime=Python 3&has=gpu,cpu&memoryMin=-1&fcVersion=v4&internetAccess=yes&ossBucket=UPPER&memoryMax=10',
    );
    expect(problems.map((p) => p.param)).toEqual([
      'runtime',
      'ossBucket',
      'fcVersion',
      'has',
      'internetAccess',
      'memoryMin',
    ]);
    expect(problems[0]?.message).toBe('is not valid: a runtime such as python3.10 (got "Python 3")');
    expect(filters).toEqual({ memoryMax: 10 });
    expect(read('memoryMin=4096&memoryMax=1024').problems).toEqual([
      { param: 'memoryMax', message: 'is smaller than memoryMin (1024 < 4096)' },
    ]);
    expect(read(`tags=${'k=v,'.repeat(21)}`).problems[0]?.message).toBe('takes at most 20 pairs');
  });

  it('checks a whole value against its pattern, not a part of it', () => {
    const cases: [string, string][] = [
      ['runtime=nodejs18!', 'runtime'],
      ['runtime=9nodejs', 'runtime'],
      ['vpcId=-vpc-1', 'vpcId'],
      ['vpcId=vpc-1%20x', 'vpcId'],
      ['acceleration=Ready!', 'acceleration'],
    ];
    for (const [query, param] of cases)
      expect(
        read(query).problems.map((p) => p.param),
        query,
      ).toEqual([param]);
    expect(read(`q=${'x'.repeat(256)}`).problems).toEqual([]);
    expect(read(`q=${'x'.repeat(257)}`).problems[0]?.message).toBe('is longer than 256 characters');
    expect(read(`tags=${'k=v,'.repeat(20)}`).problems).toEqual([]);
  });

  it('reads the edges of tags, lists and integers as written, and says exactly what is wrong', () => {
    const ok = read('tags=%20!env,%20team%20=pay&has=vpc,%20gpu,&memoryMin=0&memoryMax=1048576');
    expect(ok.problems).toEqual([]);
    expect(ok.filters).toEqual({
      tags: [
        { Key: 'env', Absent: true },
        { Key: 'team', Value: 'pay' },
      ],
      has: ['vpc', 'gpu'],
      memoryMin: 0,
      memoryMax: 1_048_576,
    });
    const key = (n: number) => read(`tags=${'k'.repeat(n)}=v`).problems.length;
    expect([key(128), key(129)]).toEqual([0, 1]);
    const message = (query: string) => read(query).problems.map((p) => `${p.param} ${p.message}`);
    expect(message('tags=%3Dx')).toEqual([
      'tags takes key=value pairs, keys alone or !key, separated by commas (got "=x")',
    ]);
    expect(message('tags=!')).toHaveLength(1);
    // Integers: digits only, within bounds; a value is clipped to 40 characters in the message.
    for (const bad of ['%2B1', '1e3', '%201', '1048577', '0x10'])
      expect(message(`memoryMin=${bad}`), bad).toEqual([
        `memoryMin must be an integer from 0 to 1048576 (got "${decodeURIComponent(bad)}")`,
      ]);
    expect(message(`memoryMax=${'9'.repeat(41)}`)).toEqual([
      `memoryMax must be an integer from 0 to 1048576 (got "${'9'.repeat(40)}…")`,
    ]);
    expect(message(`internetAccess=${'y'.repeat(40)}`)).toEqual([
      `internetAccess must be true or false (got "${'y'.repeat(40)}")`,
    ]);
    expect(message('has=vpc,wings&q=a%01b&resourceGroupId=rg%20x')).toEqual([
      'q contains control characters',
      'resourceGroupId is not valid (got "rg x")',
      'has takes a comma list of vpc, nas, oss, gpu, container, layers, tracing, logs (got "vpc,wings")',
    ]);
    // An empty value is no filter, read or written.
    expect(read('q=&has=&tags=&memoryMin=').filters).toEqual({});
    expect(writeFilters({ q: '', has: [], lacks: [], tags: [] }).toString()).toBe('');
  });

  it('reads a tag a function must not have, and the insights filters', () => {
    const { filters, problems } = read('tags=!env,team=pay&lifecycle=eol&lacks=vpc,nas&acceleration=Ready');
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      tags: [
        { Key: 'env', Absent: true },
        { Key: 'team', Value: 'pay' },
      ],
      lacks: ['vpc', 'nas'],
      lifecycle: 'eol',
      acceleration: 'Ready',
    });
    const bad = read('tags=!env=prod&lifecycle=retired&lacks=wings&acceleration=Re ady').problems;
    expect(bad.map((p) => p.param)).toEqual(['tags', 'lacks', 'lifecycle', 'acceleration']);
    expect(bad[0]?.message).toContain('!key');
    expect(bad[2]?.message).toBe('must be deprecated or eol or current (got "retired")');
  });

  it('round-trips any valid filters through the URL (property)', () => {
    const text = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
    const filters: fc.Arbitrary<ListFilters> = fc.record(
      {
        prefix: text,
        q: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s !== ''),
        runtime: text,
        vpcId: text,
        tags: fc.array(
          fc.oneof(
            fc.record({ Key: text, Value: fc.option(text, { nil: undefined }) }, { requiredKeys: ['Key'] }),
            fc.record({ Key: text, Absent: fc.constant(true as const) }),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        fcVersion: fc.constantFrom('v2' as const, 'v3' as const),
        has: fc.uniqueArray(fc.constantFrom(...HAS_VALUES), { minLength: 1 }),
        lacks: fc.uniqueArray(fc.constantFrom(...HAS_VALUES), { minLength: 1 }),
        lifecycle: fc.constantFrom(...LIFECYCLE_STATUSES),
        acceleration: fc.constantFrom('Ready', 'None', 'Preparing', 'Failed', 'Unknown'),
        internetAccess: fc.boolean(),
        memoryMin: fc.integer({ min: 0, max: 1024 }),
        memoryMax: fc.integer({ min: 2048, max: 1_048_576 }),
        changed: fc.constantFrom('1h' as const, '24h' as const, '7d' as const),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filters, (f) => {
        const written = writeFilters(f).toString();
        const back = read(written);
        expect(back.problems).toEqual([]);
        expect(back.filters).toEqual(
          Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)),
        );
        expect(writeFilters(back.filters).toString()).toBe(written);
      }),
      { numRuns: 300 },
    );
    expect(FILTER_NAMES).toHaveLength(24);
  });
});
