import { formatDuration } from '../shared/stats.ts';
import { runWebBench } from './web.bench.ts';

// `pnpm bench:web`: the dashboard in headless Chromium; `pnpm build` runs first so the bundle is current.
const started = performance.now();
await runWebBench();
console.log(`\ntotal: ${formatDuration(performance.now() - started)}`);
