import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One file the built `index.html` loads before the dashboard can render. */
export interface InitialAsset {
  path: string;
  kind: 'js' | 'css';
  bytes: number;
  gzipBytes: number;
}

/**
 * The scripts and stylesheets `index.html` references, with raw and gzip sizes (zlib's default
 * level, as the BFF's compression would send them). Lazily imported chunks are not counted.
 * @example const assets = initialAssets('apps/web/dist');
 */
export function initialAssets(dist: string): InitialAsset[] {
  const html = readFileSync(resolve(dist, 'index.html'), 'utf8');
  const refs = [
    ...[...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => ({ ref: m[1], kind: 'js' as const })),
    ...[...html.matchAll(/<link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*>/g)].map((m) => ({
      ref: /\bhref="([^"]+)"/.exec(m[0])?.[1],
      kind: m[0].includes('stylesheet') ? ('css' as const) : ('js' as const),
    })),
  ];
  return refs.flatMap(({ ref, kind }) => {
    if (!ref || /^(https?:)?\/\//.test(ref)) return [];
    const body = readFileSync(resolve(dist, ref.replace(/^\.?\//, '')));
    return [{ path: ref, kind, bytes: body.length, gzipBytes: gzipSync(body).length }];
  });
}

/**
 * The scripts the built app loads later, on demand (a page, the drawer), each with raw and gzip
 * sizes: every `.js` under `assets/` that `index.html` does not reference, largest first.
 * @example lazyChunks('apps/web/dist').find((c) => c.path.includes('insights'));
 */
export function lazyChunks(dist: string): InitialAsset[] {
  const initial = new Set(initialAssets(dist).map((a) => a.path.replace(/^\.?\//, '')));
  return readdirSync(resolve(dist, 'assets'))
    .map((name) => `assets/${name}`)
    .filter((path) => path.endsWith('.js') && !initial.has(path))
    .map((path) => {
      const body = readFileSync(resolve(dist, path));
      return { path, kind: 'js' as const, bytes: body.length, gzipBytes: gzipSync(body).length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}
