import { resolve, sep } from 'node:path';

/**
 * Maps a raw (still percent-encoded) URL path below the mount point to a file inside `root`,
 * or `undefined` when the path must be refused. The path is decoded exactly once; anything
 * that could walk out of the root or reach a hidden file is refused outright rather than
 * normalised, so `/..%2f`, `%2e%2e`, double-encoded `%252e`, backslashes, NUL and dotfiles
 * (`/.env`) never reach the file system. The resolved path is then checked to stay inside `root`.
 * @example resolveSafePath('/srv/dist', '/assets/index-AbCd1234.js') // '/srv/dist/assets/index-AbCd1234.js'
 * @example resolveSafePath('/srv/dist', '/..%2fsecret.txt') // undefined
 */
export function resolveSafePath(root: string, rawPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  // '%' left after one decode means double encoding; Vite never emits such names.
  if (/[\\\0%]/.test(decoded)) return undefined;
  // A leading dot covers '.', '..' and dotfiles such as '.env' or '.git'.
  if (decoded.split('/').some((segment) => segment.startsWith('.'))) return undefined;

  const absoluteRoot = resolve(root);
  const target = resolve(absoluteRoot, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (target !== absoluteRoot && !target.startsWith(absoluteRoot + sep)) return undefined;
  return target;
}
