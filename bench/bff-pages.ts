/** What the bench reads of one `GET /api/functions` answer. */
export interface BffPage {
  status: number;
  rows: number;
  cursor?: string;
}

/** Reads the parts of a list answer the bench needs; the body enters as `unknown`. */
function readListBody(body: unknown): { rows: number; cursor?: string } {
  if (typeof body !== 'object' || body === null) return { rows: 0 };
  const { functions, cursor } = body as Record<string, unknown>;
  return {
    rows: Array.isArray(functions) ? functions.length : 0,
    ...(typeof cursor === 'string' ? { cursor } : {}),
  };
}

/**
 * Fetches one page of a view (a query string without `limit` and `cursor`) with the global fetch,
 * reading the whole JSON body, as the dashboard does.
 * @example const first = await fetchBffPage(baseUrl, 'has=vpc', 100);
 */
export async function fetchBffPage(
  baseUrl: string,
  view: string,
  limit: number,
  cursor?: string,
): Promise<BffPage> {
  const params = new URLSearchParams(view);
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  const res = await fetch(`${baseUrl}/api/functions?${params}`);
  const body: unknown = await res.json();
  return { status: res.status, ...readListBody(body) };
}

/**
 * Returns a function that fetches the next page of a view, starting over after the last one, and
 * remembers every cursor it used so that `replay` can ask for the same pages again.
 * @example const scroll = bffScroller(url, '', 100); await scroll.next(); await scroll.replay();
 */
export function bffScroller(baseUrl: string, view: string, limit: number) {
  const used: (string | undefined)[] = [];
  let cursor: string | undefined;
  let replayed = 0;
  const expectFull = (page: BffPage) => {
    // Timing a failed or partial page would flatter the BFF: stop the bench instead.
    if (page.status !== 200 || (page.cursor && page.rows !== limit))
      throw new Error(`BFF page: HTTP ${page.status}, ${page.rows} rows`);
  };
  return {
    async next(): Promise<void> {
      used.push(cursor);
      const page = await fetchBffPage(baseUrl, view, limit, cursor);
      expectFull(page);
      cursor = page.cursor;
    },
    async replay(): Promise<void> {
      const page = await fetchBffPage(baseUrl, view, limit, used[replayed++ % used.length]);
      expectFull(page);
    },
  };
}
