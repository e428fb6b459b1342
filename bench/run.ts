import { cpus, totalmem } from 'node:os';
import { runBffViewsBench } from './bff/views.bench.ts';
import { runEmulatorPagesBench } from './emulator/emulator-pages.bench.ts';
import { formatDuration } from './shared/stats.ts';
import { runSignerBench } from './signer/signer.bench.ts';

// `pnpm bench`: prints tables to paste into an issue. Figures depend on the machine, so nothing
// here compares them with a threshold; each bench stops on a time budget to stay under a minute.

const started = performance.now();
const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
console.log(
  `# FC Fleet benchmarks\n\nNode ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} x ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
);

await runSignerBench();
await runEmulatorPagesBench();
await runBffViewsBench();
// The browser bench takes about three minutes and needs a built SPA, so it runs only on request,
// and Playwright is loaded only then.
if (process.env.BENCH_WEB === '1') await (await import('./web/web.bench.ts')).runWebBench();

console.log(`\ntotal: ${formatDuration(performance.now() - started)}`);
