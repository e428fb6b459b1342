// What the tests of links on a hostile path share: the page is open at a path the browser reads
// as a protocol-relative URL, `//evil.example/x`; a link built from `location.pathname` would
// point at http://evil.example/x. Set the same URL in the test file's jsdom options.

/** The page's address in those tests. */
export const HOSTILE = 'http://127.0.0.1:8080//evil.example/x?region=all';
/** The origin every link must stay on. */
export const ORIGIN = 'http://127.0.0.1:8080';

/** Puts a `<base href>` first in the head, as the BFF's index.html has, or removes it (`undefined`). */
export function setBase(href: string | undefined): void {
  document.querySelector('base')?.remove();
  if (href === undefined) return;
  const base = document.createElement('base');
  base.href = href;
  document.head.prepend(base);
}
