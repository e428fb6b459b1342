const number = new Intl.NumberFormat('en-US');

/** `12,345`. */
export const formatCount = (n: number): string => number.format(n);

const oneDecimal = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Memory in MB as people say it: `512 MB`, `1.5 GB`, and for a fleet's total `3.2 TB`. */
export function formatMemory(mb: number | null | undefined): string {
  if (mb === null || mb === undefined) return '—';
  if (mb < 1024) return `${mb} MB`;
  const gb = mb / 1024;
  return gb < 1024 ? `${oneDecimal(gb)} GB` : `${oneDecimal(gb / 1024)} TB`;
}

/** Bytes as `4.2 MB`. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** Seconds as `30 s`, `15 min`, `24 h`. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** `3 days ago`, relative to `now`. */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const seconds = Math.round((t - now) / 1000);
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/**
 * A short age for a line that is read at a glance and re-rendered every few seconds:
 * `just now`, `40 s ago` (tens of seconds, so it does not flicker), `2 min ago`, `3 h ago`, `2 d ago`.
 */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${Math.floor(seconds / 10) * 10} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

const CLOCK = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const CLOCK_SECONDS = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const DAY_AND_CLOCK = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * A local wall-clock time, `14:02` (`14:02:37` with seconds, for things minutes apart), with the
 * day (`27 Nov, 14:02`) when it is not today.
 */
export function formatClock(iso: string, now = Date.now(), options: { seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (date.toDateString() !== new Date(now).toDateString()) return DAY_AND_CLOCK.format(date);
  return (options.seconds ? CLOCK_SECONDS : CLOCK).format(date);
}

// dateStyle/timeStyle cannot be combined with timeZoneName, so the fields are spelled out.
const ABSOLUTE = new Intl.DateTimeFormat('sv-SE', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** The absolute time with its zone, for hover text: `2026-11-01 16:00:00 GMT+8`. */
export function formatAbsolute(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const local = ABSOLUTE.format(date);
  return `${local} (${date.toISOString().replace('.000', '')})`;
}

/** The last path part of an image reference: `ml/inference:v2` from a full registry URL. */
export function shortImage(image: string | null | undefined): string {
  if (!image) return '';
  const parts = image.split('/');
  return parts.slice(-2).join('/');
}
