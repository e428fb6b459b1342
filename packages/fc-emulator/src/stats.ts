/** Counts of API calls the emulator received, by region and action; tests use it to see cache hits. */
export function createStats() {
  const counts = new Map<string, number>();
  return {
    record(region: string, action: string): void {
      const key = `${region} ${action}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    /** Calls of one action, in one region or in all. */
    count(action: string, region?: string): number {
      let total = 0;
      for (const [key, n] of counts) {
        const [r, a] = key.split(' ');
        if (a === action && (region === undefined || r === region)) total += n;
      }
      return total;
    },
    snapshot: (): Record<string, number> => Object.fromEntries(counts),
    reset: (): void => counts.clear(),
  };
}

/** Stats made by `createStats`. */
export type EmulatorStats = ReturnType<typeof createStats>;
