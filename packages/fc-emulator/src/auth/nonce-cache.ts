/**
 * Remembers signature nonces for as long as a request with them could still pass the clock-skew
 * check, so a captured request cannot be replayed. Memory stays bounded by the request rate
 * times the window; expired entries are dropped as time moves on.
 */
export function createNonceCache(windowMs: number) {
  const seen = new Map<string, number>();
  let lastSweep = 0;
  return {
    /** Records the nonce; false when it was already used inside the window. */
    claim(key: string, nowMs: number): boolean {
      if (nowMs - lastSweep > windowMs / 10) {
        for (const [k, expires] of seen) if (expires <= nowMs) seen.delete(k);
        lastSweep = nowMs;
      }
      const expires = seen.get(key);
      if (expires !== undefined && expires > nowMs) return false;
      seen.set(key, nowMs + windowMs);
      return true;
    },
    size: (): number => seen.size,
  };
}
