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
];

/** RFC 4180 field; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV text. */
export function rowsToCsv(rows: readonly FleetRow[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map(([, get]) => csvField(get(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Saves the loaded rows of the current view as CSV or JSON (secrets are already masked by the BFF). */
export function downloadRows(rows: readonly FleetRow[], format: 'csv' | 'json'): void {
  const body = format === 'csv' ? rowsToCsv(rows) : JSON.stringify(rows, null, 2);
  const blob = new Blob([body], { type: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `fc-fleet-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
