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

/** OWASP's formula triggers: a cell starting with one of them may be evaluated by a spreadsheet. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell, always quoted (RFC 4180), so a ',' or a ';' inside a value never splits it,
 * whichever list separator the spreadsheet's locale uses. Text that starts like a formula gets a
 * leading `'` (OWASP's CSV injection advice), so it shows as text and never runs. Numbers stay
 * numbers: `String(n)` of a finite number is only digits, '.', 'e' and a sign, never a formula, so
 * memory, vCPU, disk, timeout and concurrency are not prefixed (even a negative one), and a
 * spreadsheet still reads the quoted field as a number.
 * @example csvField("x;=cmd|' /C calc'!A0") // `"x;=cmd|' /C calc'!A0"`
 * @example csvField('@SUM(1)') // `"'@SUM(1)"`
 * @example csvField(512) // '"512"'
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '""';
  let text = String(value);
  if (!(typeof value === 'number' && Number.isFinite(value)) && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The rows as CSV text: a header line, then one line per row, every field quoted, CRLF line ends. */
export function rowsToCsv(rows: readonly FleetRow[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => csvField(name)).join(',')];
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
