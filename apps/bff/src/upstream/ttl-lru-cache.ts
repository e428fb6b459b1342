/** Counters of a cache, for metrics. */
export interface CacheStats {
  hits: number;
  staleHits: number;
  misses: number;
  evictions: number;
  bytes: number;
  entries: number;
}

/** Options of `createTtlLruCache`. */
export interface TtlLruOptions<V> {
  /** How long a value is fresh. */
  ttlMs: number;
  /** How much longer a stale value may still be served while it is refreshed in the background. */
  staleMs: number;
  /** Memory budget; least recently used entries go first. */
  maxBytes: number;
  sizeOf: (value: V) => number;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  bytes: number;
  freshUntil: number;
  staleUntil: number;
}

/**
 * An async cache with a TTL, stale-while-revalidate, de-duplication of loads in flight and an LRU
 * byte budget. Failed loads are never cached: the next caller tries again.
 * @example
 * const cache = createTtlLruCache({ ttlMs: 30_000, staleMs: 300_000, maxBytes: 64e6, sizeOf: (v) => v.bytes });
 * const page = await cache.get(key, () => fetchPage());
 */
export function createTtlLruCache<V>(options: TtlLruOptions<V>) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<V>>();
  const inflight = new Map<string, Promise<V>>();
  const stats: CacheStats = { hits: 0, staleHits: 0, misses: 0, evictions: 0, bytes: 0, entries: 0 };

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    stats.bytes -= entry.bytes;
  };
  const store = (key: string, value: V) => {
    remove(key);
    const bytes = options.sizeOf(value);
    if (bytes > options.maxBytes) return;
    const t = now();
    entries.set(key, {
      value,
      bytes,
      freshUntil: t + options.ttlMs,
      staleUntil: t + options.ttlMs + options.staleMs,
    });
    stats.bytes += bytes;
    for (const oldest of entries.keys()) {
      if (stats.bytes <= options.maxBytes) break;
      remove(oldest);
      stats.evictions++;
    }
  };
  const load = (key: string, loader: () => Promise<V>): Promise<V> => {
    const running = inflight.get(key);
    if (running) return running;
    const promise = loader()
      .then((value) => {
        store(key, value);
        return value;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, promise);
    return promise;
  };

  return {
    /** The cached value, a stale one while refreshing, or a (shared) fresh load. */
    async get(key: string, loader: () => Promise<V>): Promise<V> {
      const entry = entries.get(key);
      const t = now();
      if (entry && t < entry.staleUntil) {
        // Touch: move to the most recently used end.
        entries.delete(key);
        entries.set(key, entry);
        if (t < entry.freshUntil) {
          stats.hits++;
        } else {
          stats.staleHits++;
          load(key, loader).catch(() => {});
        }
        return entry.value;
      }
      if (entry) remove(key);
      stats.misses++;
      return load(key, loader);
    },
    /** A fresh-or-stale value if present, without loading. */
    peek(key: string): V | undefined {
      const entry = entries.get(key);
      return entry && now() < entry.staleUntil ? entry.value : undefined;
    },
    stats: (): CacheStats => ({ ...stats, entries: entries.size }),
    clear(): void {
      entries.clear();
      stats.bytes = 0;
    },
  };
}

/** A cache made by `createTtlLruCache`. */
export type TtlLruCache<V> = ReturnType<typeof createTtlLruCache<V>>;
