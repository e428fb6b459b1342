import { csvText, downloadFile, stampedName } from '../../../lib/csv.ts';
import type { FleetRow } from '../api/types.ts';

const CSV_COLUMNS: [string, (r: FleetRow) => unknown][] = [
  ['account', (r) => r.account],
  ['region', (r) => r.region],
  ['name', (r) => r.function.functionName],
  ['arn', (r) => r.function.functionArn],
  ['runtime', (r) => r.function.runtime],
  ['memoryMB', (r) => r.function.memorySize],
  ['vcpu', (r) => r.function.cpu],
  ['diskMB', (r) => r.function.diskSize],
  ['gpuType', (r) => r.function.gpuConfig?.gpuType],
  ['timeoutS', (r) => r.function.timeout],
  ['concurrency', (r) => r.function.instanceConcurrency],
  ['vpcId', (r) => r.function.vpcConfig?.vpcId],
  ['internetAccess', (r) => r.function.internetAccess],
  ['nas', (r) => (r.function.nasConfig?.mountPoints ?? []).map((m) => m.serverAddr).join(' ')],
  ['ossBuckets', (r) => (r.function.ossMountConfig?.mountPoints ?? []).map((m) => m.bucketName).join(' ')],
  ['image', (r) => r.function.customContainerConfig?.image],
  ['layers', (r) => (r.function.layers ?? []).map((l) => l.arn).join(' ')],
  ['description', (r) => r.function.description],
  ['tags', (r) => (r.function.tags ?? []).map((t) => `${t.Key}=${t.Value ?? ''}`).join(';')],
  ['resourceGroupId', (r) => r.function.resourceGroupId],
  ['createdTime', (r) => r.function.createdTime],
  ['lastModifiedTime', (r) => r.function.lastModifiedTime],
  // When a sync pass last saw the function change; empty when none has.
  ['lastChange', (r) => r.lastChange],
];

/** The rows as CSV text: a header line, then one line per row, every field quoted, CRLF line ends. */
export function rowsToCsv(rows: readonly FleetRow[]): string {
  return csvText([
    CSV_COLUMNS.map(([name]) => name),
    ...rows.map((row) => CSV_COLUMNS.map(([, get]) => get(row))),
  ]);
}

/** Saves the loaded rows of the current view as CSV or JSON (secrets are already masked by the BFF). */
export function downloadRows(rows: readonly FleetRow[], format: 'csv' | 'json'): void {
  const body = format === 'csv' ? rowsToCsv(rows) : JSON.stringify(rows, null, 2);
  downloadFile(
    body,
    format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
    stampedName('fc-fleet', format),
  );
}
