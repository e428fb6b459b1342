import { extname } from 'node:path';

/** How a file is labelled and whether gzip helps it. */
export interface FileType {
  contentType: string;
  /** False for formats that are already compressed (png, woff2), where gzip only burns CPU. */
  compressible: boolean;
}

const TYPES: Readonly<Record<string, FileType>> = {
  '.html': { contentType: 'text/html; charset=utf-8', compressible: true },
  '.js': { contentType: 'text/javascript; charset=utf-8', compressible: true },
  '.mjs': { contentType: 'text/javascript; charset=utf-8', compressible: true },
  '.css': { contentType: 'text/css; charset=utf-8', compressible: true },
  '.json': { contentType: 'application/json; charset=utf-8', compressible: true },
  '.map': { contentType: 'application/json; charset=utf-8', compressible: true },
  '.webmanifest': { contentType: 'application/manifest+json; charset=utf-8', compressible: true },
  '.txt': { contentType: 'text/plain; charset=utf-8', compressible: true },
  '.svg': { contentType: 'image/svg+xml', compressible: true },
  '.ico': { contentType: 'image/x-icon', compressible: true },
  '.png': { contentType: 'image/png', compressible: false },
  '.woff2': { contentType: 'font/woff2', compressible: false },
};

const FALLBACK: FileType = { contentType: 'application/octet-stream', compressible: false };

/**
 * The Content-Type for a file, by extension; unknown extensions are served as opaque bytes,
 * which together with `X-Content-Type-Options: nosniff` keeps browsers from executing them.
 * @example fileTypeFor('assets/index-AbCd1234.js').contentType // 'text/javascript; charset=utf-8'
 */
export function fileTypeFor(filePath: string): FileType {
  return TYPES[extname(filePath).toLowerCase()] ?? FALLBACK;
}

/** Vite's content hash in a file name, e.g. `index-AbCd1234.js`. */
const HASHED_NAME = /-[A-Za-z0-9_-]{8,}\./;

/**
 * Cache-Control for a path relative to the web root: content-hashed files under `assets/` never
 * change, so browsers may keep them for a year; everything else (index.html first) must revalidate.
 * @example cacheControlFor('assets/index-AbCd1234.js') // 'public, max-age=31536000, immutable'
 */
export function cacheControlFor(relativePath: string): string {
  const segments = relativePath.split('/').filter((segment) => segment !== '');
  const name = segments.at(-1) ?? '';
  const hashedAsset = segments[0] === 'assets' && segments.length >= 2 && HASHED_NAME.test(name);
  return hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache';
}
