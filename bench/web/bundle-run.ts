import { resolve } from 'node:path';
import { formatTable } from '../shared/stats.ts';
import { initialAssets, lazyChunks } from './web-bundle.ts';
import { WEB_GOALS } from './web-goals.ts';
import { bundleTable } from './web-report.ts';

// `pnpm bench:bundle`: the built SPA's sizes without a browser: what index.html loads (the goal
// is on its JS, gzip) and each chunk loaded later (the Insights and Changes pages, the drawer).

const dist = process.env.WEB_DIST ?? resolve(import.meta.dirname, '../../apps/web/dist');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const initial = initialAssets(dist);
console.log("## Initial bundle: what index.html loads, gzip at zlib's default level\n");
console.log(bundleTable(initial));
const js = initial.filter((a) => a.kind === 'js').reduce((sum, a) => sum + a.gzipBytes, 0);
console.log(
  `\ninitial JS ${kb(js)} gzip against a goal of ${WEB_GOALS.initialJsKb} KB: ${js / 1024 <= WEB_GOALS.initialJsKb ? 'met' : 'missed'}`,
);
console.log('\n## Chunks loaded on demand\n');
console.log(
  formatTable(
    ['file', 'raw', 'gzip'],
    lazyChunks(dist).map((c) => [c.path, kb(c.bytes), kb(c.gzipBytes)]),
  ),
);
