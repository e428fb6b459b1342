import { fetchBffPage } from './bff-pages.ts';

/** How to load the BFF. */
export interface ScrollLoadOptions {
  baseUrl: string;
  /** Query strings without `limit` and `cursor`; client i starts at view i and moves on in order. */
  views: readonly string[];
  clients: number;
  durationMs: number;
  limit: number;
}

/** What the load did: answers counted, time per request, and how long it really ran. */
export interface ScrollLoadResult {
  requests: number;
  /** Answers other than 200, and requests that failed before an answer. */
  errors: number;
  latenciesMs: number[];
  elapsedMs: number;
}

/**
 * Runs `clients` users at once, each scrolling a view from its first page to its end, then the next
 * view, until the time is up; requests in flight at the deadline are finished and counted.
 * @example const load = await scrollLoad({ baseUrl, views: ['', 'has=gpu'], clients: 32, durationMs: 5000, limit: 100 });
 */
export async function scrollLoad(options: ScrollLoadOptions): Promise<ScrollLoadResult> {
  const latenciesMs: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const oneRequest = async (view: string, cursor: string | undefined) => {
    const t0 = performance.now();
    try {
      const page = await fetchBffPage(options.baseUrl, view, options.limit, cursor);
      if (page.status !== 200) errors++;
      return page.status === 200 ? { next: page.cursor } : undefined;
    } catch {
      errors++;
      return undefined;
    } finally {
      latenciesMs.push(performance.now() - t0);
    }
  };
  const client = async (first: number) => {
    for (let v = first; performance.now() < deadline; v++) {
      const view = options.views[v % options.views.length] ?? '';
      let cursor: string | undefined;
      do {
        const page = await oneRequest(view, cursor);
        // After an error the client gives up on this view and moves on to the next one.
        cursor = page?.next;
      } while (cursor && performance.now() < deadline);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  return { requests: latenciesMs.length, errors, latenciesMs, elapsedMs: performance.now() - started };
}
