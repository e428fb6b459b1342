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
