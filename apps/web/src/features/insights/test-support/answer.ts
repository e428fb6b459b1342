import type { InsightsAnswer } from '@fc-fleet/fleet-contract';

/** An answer of `GET /api/insights` with something in every part, hostile text included. */
export const ANSWER: InsightsAnswer = {
  total: 120,
  at: '2026-11-28T09:00:00.000Z',
  byRuntime: [
    { value: 'python3.10', count: 50 },
    { value: 'nodejs8', count: 41 },
    { value: 'python3.9', count: 20 },
    { value: 'custom-container', count: 8 },
    { value: null, count: 1 },
  ],
  byLifecycle: [
    { value: 'deprecated', count: 41 },
    { value: 'eol', count: 20 },
    { value: 'current', count: 59 },
  ],
  byRegion: [
    { value: 'cn-hangzhou', count: 70 },
    { value: 'cn-shanghai', count: 50 },
  ],
  byAccount: [
    { value: 'prod', count: 100, regions: ['cn-hangzhou', 'cn-shanghai'] },
    { value: 'staging', count: 20, regions: ['cn-shanghai'] },
  ],
  byTag: {
    env: [
      { value: 'prod', count: 60 },
      { value: null, count: 40 },
      { value: '=HYPERLINK("x")', count: 20 },
    ],
    team: [{ value: 'data', count: 120 }],
  },
  byMemory: [
    { value: 1024, count: 30 },
    { value: 512, count: 80 },
    { value: null, count: 10 },
  ],
  gpu: [
    {
      gpuType: 'fc.gpu.tesla.1',
      region: 'cn-hangzhou',
      card: 'NVIDIA T4',
      cardMemoryMb: 16_384,
      functions: 4,
      gpuMemoryMb: 32_768,
    },
    { gpuType: 'fc.gpu.future.9', region: 'cn-shanghai', functions: 1, gpuMemoryMb: 8192 },
  ],
  resources: { memoryMb: 92_160, vcpu: 60.5, gpuMemoryMb: 40_960 },
  network: { internet: 100, internetWithoutVpc: 70, withoutVpc: 75, nas: 12, oss: 9 },
  byAcceleration: [
    { value: 'Ready', count: 6 },
    { value: 'None', count: 2 },
  ],
  changesPerDay: [
    { day: '2026-11-27', created: 3, modified: 10, deleted: 1 },
    { day: '2026-11-28', created: 0, modified: 2, deleted: 0 },
  ],
  regions: [
    {
      account: 'prod',
      region: 'cn-hangzhou',
      state: 'ready',
      syncedAt: '2026-11-28T08:59:00.000Z',
      functions: 70,
      seen: 70,
      stale: false,
    },
  ],
};
