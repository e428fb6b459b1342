import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { etagFor } from './etag.ts';

/** The SPA shell, ready to send. */
export interface IndexDocument {
  html: string;
  /** Strong validator derived from the source file's size and mtime. */
  etag: string;
}

/**
 * Inserts `<base href="{basePath}/">` right after `<head>`, so a Vite build made with
 * `base: './'` resolves its assets and client routes under whatever path the BFF is mounted at.
 * @example injectBaseHref('<html><head><title>x</title>', '/tools/fc-fleet')
 * // '<html><head><base href="/tools/fc-fleet/"><title>x</title>'
 */
export function injectBaseHref(html: string, basePath: string): string {
  const href = basePath === '/' ? '/' : `${basePath}/`;
  const escaped = href.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}<base href="${escaped}">`);
}

/**
 * Returns a loader for `root/index.html` with the base tag applied. The transformed document is
 * kept in memory and re-read only when the file's mtime or size changes (a rebuild while running).
 * The loader answers `undefined` when the web app has not been built.
 * @example const loadIndex = createIndexLoader('apps/web/dist', '/'); const doc = await loadIndex();
 */
export function createIndexLoader(root: string, basePath: string): () => Promise<IndexDocument | undefined> {
  const indexPath = join(root, 'index.html');
  let cached: (IndexDocument & { mtimeMs: number; size: number }) | undefined;

  return async function loadIndex() {
    try {
      const info = await stat(indexPath);
      if (!info.isFile()) return undefined;
      if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
      const html = injectBaseHref(await readFile(indexPath, 'utf8'), basePath);
      cached = { html, etag: etagFor(info), mtimeMs: info.mtimeMs, size: info.size };
      return cached;
    } catch {
      return undefined;
    }
  };
}

/**
 * The page answered with 503 while `apps/web/dist` is missing. Plain HTML with no inline script
 * or style, so it passes the Content-Security-Policy like everything else.
 * @example c.html(NOT_BUILT_PAGE, 503)
 */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>FC Fleet: web app not built</title></head>
<body>
<h1>The web app is not built</h1>
<p>The server is running, but the dashboard's files (<code>apps/web/dist</code>) are missing.</p>
<p>Run <code>pnpm build</code> and reload this page.</p>
</body>
</html>
`;
