type Labels = Record<string, string>;

interface Family {
  help: string;
  type: 'counter' | 'histogram' | 'gauge';
  series: Map<string, { labels: Labels; value: number; buckets?: number[]; sum?: number; count?: number }>;
  gauge?: () => number;
}

/** Latency buckets in seconds, from a cached hit to a slow cloud scan. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const labelKey = (labels: Labels) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
const escapeLabel = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const format = (labels: Labels, extra: Labels = {}) => {
  const all = { ...labels, ...extra };
  // Sorted names make the output stable; `le` conventionally comes last.
  const names = Object.keys(labels).sort().concat(Object.keys(extra));
  const parts = names.map((k) => `${k}="${escapeLabel(all[k] ?? '')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};

/**
 * A small Prometheus registry: counters, histograms and gauges rendered in the text format.
 * @example
 * const m = createMetrics(); m.counter('fc_upstream_calls_total', 'Calls to FC');
 * m.inc('fc_upstream_calls_total', { action: 'ListFunctions' }); m.render();
 */
export function createMetrics() {
  const families = new Map<string, Family>();
  const family = (name: string) => {
    const f = families.get(name);
    if (!f) throw new Error(`metric ${name} is not registered`);
    return f;
  };
  return {
    counter(name: string, help: string): void {
      families.set(name, { help, type: 'counter', series: new Map() });
    },
    histogram(name: string, help: string): void {
      families.set(name, { help, type: 'histogram', series: new Map() });
    },
    /** A value read when rendering: a gauge, or a counter kept elsewhere (`type: 'counter'`). */
    gauge(name: string, help: string, read: () => number, type: 'gauge' | 'counter' = 'gauge'): void {
      families.set(name, { help, type, series: new Map(), gauge: read });
    },
    inc(name: string, labels: Labels = {}, by = 1): void {
      const f = family(name);
      const key = labelKey(labels);
      const s = f.series.get(key) ?? { labels, value: 0 };
      s.value += by;
      f.series.set(key, s);
    },
    observe(name: string, labels: Labels, seconds: number): void {
      const f = family(name);
      const key = labelKey(labels);
      const s = f.series.get(key) ?? {
        labels,
        value: 0,
        buckets: LATENCY_BUCKETS.map(() => 0),
        sum: 0,
        count: 0,
      };
      LATENCY_BUCKETS.forEach((le, i) => {
        if (seconds <= le && s.buckets) s.buckets[i] = (s.buckets[i] ?? 0) + 1;
      });
      s.sum = (s.sum ?? 0) + seconds;
      s.count = (s.count ?? 0) + 1;
      f.series.set(key, s);
    },
    /** Current value of a counter series (tests and the load report read it). */
    value(name: string, labels: Labels = {}): number {
      return families.get(name)?.series.get(labelKey(labels))?.value ?? 0;
    },
    /** Sum of a counter over all its series. */
    total(name: string): number {
      let sum = 0;
      for (const s of families.get(name)?.series.values() ?? []) sum += s.value;
      return sum;
    },
    render(): string {
      const lines: string[] = [];
      for (const [name, f] of families) {
        lines.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} ${f.type}`);
        if (f.gauge) lines.push(`${name} ${f.gauge()}`);
        for (const s of f.series.values()) {
          if (f.type !== 'histogram') {
            lines.push(`${name}${format(s.labels)} ${s.value}`);
            continue;
          }
          for (const [i, le] of LATENCY_BUCKETS.entries())
            lines.push(`${name}_bucket${format(s.labels, { le: String(le) })} ${s.buckets?.[i] ?? 0}`);
          lines.push(`${name}_bucket${format(s.labels, { le: '+Inf' })} ${s.count ?? 0}`);
          lines.push(
            `${name}_sum${format(s.labels)} ${s.sum ?? 0}`,
            `${name}_count${format(s.labels)} ${s.count ?? 0}`,
          );
        }
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

/** A registry made by `createMetrics`. */
export type Metrics = ReturnType<typeof createMetrics>;
