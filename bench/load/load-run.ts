import { runLoadBench } from './load.bench.ts';

// `pnpm bench:load`: the full 60-second load test (a short one runs in `pnpm test`).
await runLoadBench();
