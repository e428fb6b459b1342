import { readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../errors.ts';
import { cacheControlFor, fileTypeFor } from './content-type.ts';
import { etagFor, ifNoneMatchHits } from './etag.ts';
import { createIndexLoader, NOT_BUILT_PAGE } from './index-html.ts';
import { resolveSafePath } from './safe-path.ts';

/** Options for {@link serveSpa}. */
export interface ServeSpaOptions {
  /** The Vite build output, e.g. `apps/web/dist`. It may be missing: the app then answers 503. */
  root: string;
  /** Where the app is mounted: `/` or a prefix such as `/tools/fc-fleet` (no trailing slash). */
  basePath: string;
}

interface FileToSend {
  /** The decoded path inside the root, `/`-separated; it picks the Content-Type and caching. */
  relativePath: string;
  /** Bytes in the uncompressed body, sent as Content-Length so small bodies skip gzip. */
  size: number;
  etag: string;
  /** Produces the body only when a GET needs it; HEAD and 304 never read the file. */
  body: () => Promise<string | Uint8Array<ArrayBuffer>>;
}

const notFound = (): ApiError => new ApiError('NotFound', 'No such file');

/** The raw path below `basePath`, or `undefined` when the request is not under it. */
function pathBelow(pathname: string, basePath: string): string | undefined {
  if (basePath === '/') return pathname;
  if (pathname === basePath) return '/';
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
}

async function statFile(filePath: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    const info = await stat(filePath);
    return info.isFile() ? info : undefined;
  } catch {
    // Missing, unreadable or a name the OS rejects: all of them are simply "no such file".
    return undefined;
  }
}

/** Gzipped bodies by ETag: a hashed asset is compressed once, not on every request. */
type GzipCache = Map<string, Uint8Array<ArrayBuffer>>;
const GZIP_CACHE_ENTRIES = 64;

async function gzipped(cache: GzipCache, file: FileToSend): Promise<Uint8Array<ArrayBuffer>> {
  const key = `${file.relativePath}|${file.etag}`;
  let bytes = cache.get(key);
  if (!bytes) {
    const body = await file.body();
    bytes = new Uint8Array(gzipSync(typeof body === 'string' ? Buffer.from(body) : body));
    if (cache.size >= GZIP_CACHE_ENTRIES) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, bytes);
  }
  return bytes;
}

function send(c: Context<AppEnv>, file: FileToSend, cache: GzipCache): Response | Promise<Response> {
  const { contentType, compressible } = fileTypeFor(file.relativePath);
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Cache-Control': cacheControlFor(file.relativePath),
    ETag: file.etag,
  };
  if (compressible) headers.Vary = 'Accept-Encoding';
  if (ifNoneMatchHits(c.req.header('If-None-Match'), file.etag)) return c.body(null, 304, headers);
  const gzip = compressible && file.size > 1024 && /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '');
  if (gzip && c.req.method === 'GET') {
    return gzipped(cache, file).then((bytes) =>
      c.body(bytes, 200, {
        ...headers,
        'Content-Encoding': 'gzip',
        'Content-Length': String(bytes.byteLength),
      }),
    );
  }
  headers['Content-Length'] = String(file.size);
  if (c.req.method === 'HEAD') return c.body(null, 200, headers);
  return file.body().then((body) => c.body(body, 200, headers));
}

/**
 * The dashboard's static files and client-side routing, as a Hono sub-app to mount last, after
 * `/api/*`, `/healthz`, `/readyz`, `/metrics` and `/login`, so it only sees what they did not claim:
 *
 * - GET and HEAD only; anything else is `MethodNotAllowed`.
 * - Files come from `root` with a Content-Type by extension, an ETag (304 on `If-None-Match`),
 *   a year of immutable caching for content-hashed `assets/*` and `no-cache` for the rest.
 * - Paths that try to leave `root` or reach dotfiles are `NotFound` (see `resolveSafePath`).
 * - A missing path without an extension is a client route and gets `index.html` (any Accept);
 *   a missing path with one (`/assets/gone.js`) is `NotFound`.
 * - `index.html` carries `<base href="{basePath}/">`; while it does not exist, the shell is a
 *   503 page asking for `pnpm build`, so the BFF still starts without a web build.
 * - Text types are gzipped when the client accepts it; images and fonts that are already
 *   compressed are not.
 * @example app.route(env.basePath, serveSpa({ root: 'apps/web/dist', basePath: env.basePath }));
 */
export function serveSpa(options: ServeSpaOptions): Hono<AppEnv> {
  const root = resolve(options.root);
  const indexPath = join(root, 'index.html');
  const loadIndex = createIndexLoader(root, options.basePath);
  const cache: GzipCache = new Map();

  async function sendIndex(c: Context<AppEnv>): Promise<Response> {
    const index = await loadIndex();
    if (index === undefined) {
      const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
      if (c.req.method === 'HEAD') return c.body(null, 503, headers);
      return c.body(NOT_BUILT_PAGE, 503, headers);
    }
    const size = Buffer.byteLength(index.html);
    return send(
      c,
      { relativePath: 'index.html', size, etag: index.etag, body: async () => index.html },
      cache,
    );
  }

  return new Hono<AppEnv>()
    .get('*', async (c) => {
      const rawPath = pathBelow(new URL(c.req.url).pathname, options.basePath);
      if (rawPath === undefined) throw notFound();
      if (rawPath === '/') return sendIndex(c);
      const filePath = resolveSafePath(root, rawPath);
      if (filePath === undefined) throw notFound();
      if (filePath === indexPath) return sendIndex(c);

      const info = await statFile(filePath);
      if (info === undefined) {
        if (extname(filePath) !== '') throw notFound();
        return sendIndex(c);
      }
      const body = () => readFile(filePath);
      const inRoot = relative(root, filePath).split(sep).join('/');
      return send(c, { relativePath: inRoot, size: info.size, etag: etagFor(info), body }, cache);
    })
    .all('*', () => {
      throw new ApiError('MethodNotAllowed', 'Only GET and HEAD are allowed here', { Allow: 'GET, HEAD' });
    });
}
