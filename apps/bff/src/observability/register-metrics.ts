import type { FleetSource } from '../upstream/fleet-source.ts';
import type { Metrics } from './metrics.ts';

/** Declares every metric the BFF exports, so `/metrics` lists them even before the first event. */
export function registerMetrics(metrics: Metrics, source: FleetSource): void {
  metrics.counter('fc_fleet_http_requests_total', 'HTTP requests answered, by route, method and status.');
  metrics.histogram('fc_fleet_http_request_duration_seconds', 'Time to answer, by route.');
  metrics.counter(
    'fc_upstream_calls_total',
    'Attempts to call Function Compute, by account, region and action.',
  );
  metrics.counter('fc_upstream_retries_total', 'Retried upstream attempts, by code.');
  metrics.counter('fc_upstream_throttles_total', 'Upstream answers that were throttling.');
  metrics.counter('fc_upstream_failures_total', 'Upstream calls that failed after their retries, by code.');
  metrics.gauge('fc_upstream_waiting', 'Upstream calls waiting for a slot.', () =>
    source.limiterLoad().reduce((s, l) => s + l.waiting, 0),
  );
}
