import { describe, expect, it } from 'vitest';
import { ANSWER } from '../test-support/answer.ts';
import { parseInsights } from './parse-insights.ts';

/** The answer with one part replaced, as JSON would bring it. */
const withPart = (patch: Record<string, unknown>) => ({ ...JSON.parse(JSON.stringify(ANSWER)), ...patch });

describe('parseInsights', () => {
  it('keeps a whole answer as sent, optional GPU card facts only when sent', () => {
    expect(parseInsights(JSON.parse(JSON.stringify(ANSWER)))).toEqual(ANSWER);
    const [, unknownCard] = parseInsights(ANSWER).gpu;
    expect(unknownCard && 'card' in unknownCard).toBe(false);
    // vCPU add up to fractions.
    expect(
      parseInsights(withPart({ resources: { memoryMb: 0, vcpu: 0.35, gpuMemoryMb: 0 } })).resources.vcpu,
    ).toBe(0.35);
  });

  it('refuses what is not an answer', () => {
    expect(() => parseInsights(null)).toThrow('insights is not an object');
    expect(() => parseInsights([])).toThrow('insights is not an object');
    expect(() => parseInsights({})).toThrow('byTag is not an object');
  });

  it.each([
    [{ total: -1 }, 'total is not a count'],
    [{ total: 1.5 }, 'total is not a count'],
    [{ at: 'yesterday' }, 'at is not a time'],
    [{ byRuntime: {} }, 'byRuntime is not a list'],
    [{ byRuntime: [{ value: 'go1' }] }, 'byRuntime[0].count is not a count'],
    [{ byRuntime: [{ value: 7, count: 1 }] }, 'byRuntime[0].value is not text'],
    [
      { byLifecycle: [{ value: 'ancient', count: 1 }] },
      'byLifecycle[0].value is not one of deprecated, eol, current',
    ],
    [{ byRegion: [{ value: null, count: 1 }] }, 'byRegion[0].value is not text'],
    [{ byAccount: undefined }, 'byAccount is not a list'],
    [{ byAccount: [{ value: 'prod', count: 1 }] }, 'byAccount[0].regions is not a list'],
    [{ byAccount: [{ value: 'prod', count: 1, regions: [7] }] }, 'byAccount[0].regions[0] is not text'],
    [{ byTag: { env: [] } }, 'byTag.team is not a list'],
    [{ byMemory: [{ value: '512', count: 1 }] }, 'byMemory[0].value is not a count'],
    [
      { gpu: [{ gpuType: 'fc.gpu.tesla.1', region: 'cn-hangzhou', gpuMemoryMb: 1 }] },
      'gpu[0].functions is not a count',
    ],
    [
      { gpu: [{ gpuType: 'x', region: 'r', card: 3, functions: 1, gpuMemoryMb: 1 }] },
      'gpu[0].card is not text',
    ],
    [{ resources: { memoryMb: 1, vcpu: -2, gpuMemoryMb: 0 } }, 'resources.vcpu is not an amount'],
    [{ resources: { memoryMb: Number.NaN, vcpu: 1, gpuMemoryMb: 0 } }, 'resources.memoryMb is not an amount'],
    [
      { network: { internet: 1, internetWithoutVpc: 1, withoutVpc: 1, nas: 1 } },
      'network.oss is not a count',
    ],
    [{ byAcceleration: [{ value: 'Ready', count: '6' }] }, 'byAcceleration[0].count is not a count'],
    [
      { changesPerDay: [{ day: '27/11/2026', created: 1, modified: 0, deleted: 0 }] },
      'changesPerDay[0].day is not a day',
    ],
    [
      { changesPerDay: [{ day: '2026-13-45', created: 1, modified: 0, deleted: 0 }] },
      'changesPerDay[0].day is not a day',
    ],
    [
      { changesPerDay: [{ day: '2026-11-27', created: 1, modified: 0 }] },
      'changesPerDay[0].deleted is not a count',
    ],
    [{ regions: [{ account: 'prod' }] }, 'regions[0].region is not text'],
  ])('refuses %j', (patch, message) => {
    expect(() => parseInsights(withPart(patch))).toThrow(message);
  });
});
