/**
 * An ETag from a file's size and modification time: cheap, and it changes whenever a build
 * rewrites the file.
 * @example etagFor({ size: 120, mtimeMs: 1700000000000 }) // '"78-18bcfe56800"'
 */
export function etagFor(file: { size: number; mtimeMs: number }): string {
  return `"${file.size.toString(16)}-${Math.trunc(file.mtimeMs).toString(16)}"`;
}

/**
 * Whether an `If-None-Match` header names the current ETag, so the answer can be 304.
 * Uses the weak comparison of RFC 9110: the compress middleware weakens the ETag of a gzipped
 * body to `W/"..."`, and browsers send that form back.
 * @example ifNoneMatchHits('W/"78-18bcfe56800", "other"', '"78-18bcfe56800"') // true
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  const current = strip(etag);
  return header.split(',').some((candidate) => candidate.trim() === '*' || strip(candidate) === current);
}
