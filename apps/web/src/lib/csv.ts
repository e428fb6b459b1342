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

/**
 * Lines of cells as CSV text: every field through {@link csvField}, CRLF line ends.
 * @example csvText([['runtime', 'functions'], ['nodejs8', 41]]) // '"runtime","functions"\r\n"nodejs8","41"\r\n'
 */
export function csvText(lines: readonly (readonly unknown[])[]): string {
  return lines.map((cells) => `${cells.map(csvField).join(',')}\r\n`).join('');
}

/**
 * Saves text as a file the browser downloads (a Blob URL, revoked once the click has used it).
 * @example downloadFile(csvText(lines), 'text/csv;charset=utf-8', 'runtimes.csv');
 */
export function downloadFile(body: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name stamped with the time: `fc-fleet-runtimes-2026-11-28-09-30-00.csv`. */
export const stampedName = (stem: string, extension: string, now = new Date()) =>
  `${stem}-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.${extension}`;
