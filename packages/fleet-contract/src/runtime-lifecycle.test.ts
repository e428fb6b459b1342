import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STATUSES, lifecycleOf, RUNTIME_CATALOGUE, runtimesIn } from './runtime-lifecycle.ts';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('the runtime lifecycle catalogue', () => {
  it("deprecates exactly the runtimes of the cloud's own rule", () => {
    expect(runtimesIn('deprecated', day('2026-11-28'))).toEqual({
      in: ['nodejs4.4', 'nodejs6', 'nodejs8', 'nodejs10', 'nodejs12', 'python2.7', 'dotnetcore2.1'],
    });
    expect(lifecycleOf('nodejs8', day('2026-11-28'))).toMatchObject({
      status: 'deprecated',
      since: '2025-04-20',
      source: { name: 'Cloud Config rule fc-function-runtime-check' },
    });
  });

  it('turns a runtime to language end of life the day after its language ends', () => {
    expect(lifecycleOf('python3.10', day('2026-10-31'))).toMatchObject({
      status: 'current',
      eolOn: '2026-10-31',
    });
    expect(lifecycleOf('python3.10', day('2026-11-01'))).toMatchObject({
      status: 'eol',
      since: '2026-10-31',
    });
    expect(lifecycleOf('python3', day('2020-01-01')).status).toBe('current');
    expect(lifecycleOf('python3', day('2026-11-28'))).toMatchObject({
      status: 'eol',
      entry: { language: 'Python 3.6' },
    });
  });

  it('judges every runtime of the catalogue on 2026-11-28 by its date and source', () => {
    const judged = Object.fromEntries(
      RUNTIME_CATALOGUE.map((e) => {
        const l = lifecycleOf(e.runtime, day('2026-11-28'));
        return [e.runtime, `${l.status} ${l.since ?? l.eolOn ?? '-'} ${l.source?.name ?? '-'}`];
      }),
    );
    const FC = 'Cloud Config rule fc-function-runtime-check';
    expect(judged).toEqual({
      'nodejs4.4': `deprecated 2025-04-20 ${FC}`,
      nodejs6: `deprecated 2025-04-20 ${FC}`,
      nodejs8: `deprecated 2025-04-20 ${FC}`,
      nodejs10: `deprecated 2025-04-20 ${FC}`,
      nodejs12: `deprecated 2025-04-20 ${FC}`,
      nodejs14: 'eol 2023-04-30 Node.js release schedule',
      nodejs16: 'eol 2023-09-11 Node.js release schedule',
      nodejs18: 'eol 2025-04-30 Node.js release schedule',
      nodejs20: 'eol 2026-04-30 Node.js release schedule',
      'python2.7': `deprecated 2025-04-20 ${FC}`,
      python3: 'eol 2021-12-23 Python version status',
      'python3.9': 'eol 2025-10-31 Python version status',
      'python3.10': 'eol 2026-10-31 Python version status',
      'python3.12': 'current 2028-10-31 Python version status',
      'php7.2': 'eol 2020-11-30 PHP supported versions',
      'dotnetcore2.1': `deprecated 2025-04-20 ${FC}`,
      'dotnetcore3.1': 'eol 2022-12-13 .NET support policy',
      java8: 'current 2030-12-31 Eclipse Temurin support',
      java11: 'current 2027-10-31 Eclipse Temurin support',
      go1: 'current - -',
      custom: 'eol 2022-06-30 Debian LTS',
      'custom.debian10': 'eol 2024-06-30 Debian LTS',
      'custom.debian11': 'eol 2026-08-31 Debian LTS',
      'custom.debian12': 'current 2028-06-30 Debian LTS',
      'custom-container': 'current - -',
    });
  });

  it('takes an unknown or missing runtime as current, with no dates', () => {
    for (const runtime of ['python3.14', 'custom-container', 'go1', null, undefined, '']) {
      const judged = lifecycleOf(runtime, day('2026-11-28'));
      expect([judged.status, judged.since, judged.eolOn], String(runtime)).toEqual([
        'current',
        undefined,
        undefined,
      ]);
    }
  });

  it('answers runtimesIn as lifecycleOf judges each runtime, on any day', () => {
    for (const when of ['2019-01-01', '2023-06-01', '2026-11-28', '2031-01-01'].map(day)) {
      const judged = new Map(RUNTIME_CATALOGUE.map((e) => [e.runtime, lifecycleOf(e.runtime, when).status]));
      for (const status of LIFECYCLE_STATUSES) {
        const answer = runtimesIn(status, when);
        // Current is open (a runtime the catalogue does not know is current): answered as "not these".
        expect(Object.keys(answer), status).toEqual([status === 'current' ? 'not' : 'in']);
        const expected = [...judged].filter(([, s]) => s === status).map(([r]) => r);
        if ('in' in answer) expect(answer.in.sort()).toEqual(expected.sort());
        else
          expect(answer.not.sort()).toEqual(
            [...judged]
              .filter(([, s]) => s !== 'current')
              .map(([r]) => r)
              .sort(),
          );
      }
    }
  });

  it('has one entry a runtime, every date a real day and every source an address', () => {
    expect(new Set(RUNTIME_CATALOGUE.map((e) => e.runtime)).size).toBe(RUNTIME_CATALOGUE.length);
    for (const e of RUNTIME_CATALOGUE)
      for (const date of [e.deprecated?.since, e.languageEol?.on].filter(Boolean) as string[]) {
        expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10), e.runtime).toBe(date);
      }
    for (const e of RUNTIME_CATALOGUE)
      for (const source of [e.deprecated?.source, e.languageEol?.source])
        if (source) expect(source.url).toMatch(/^https:\/\//);
  });
});
