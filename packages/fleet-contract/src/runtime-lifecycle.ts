/**
 * The lifecycle of Function Compute runtimes: which are deprecated by Function Compute, which run
 * a language (or, for custom runtimes, an operating system) past its own end of life, and the
 * source of each fact. Badges, the `lifecycle` filter, the facet counts and the insights all read
 * this one catalogue through {@link lifecycleOf} and {@link runtimesIn}, so they cannot disagree.
 */

/** A runtime's status, worst first: the order of the filter's values and of every chart. */
export const LIFECYCLE_STATUSES = ['deprecated', 'eol', 'current'] as const;
/** A runtime's status: deprecated by FC, past its language's end of life, or neither. */
export type Lifecycle = (typeof LIFECYCLE_STATUSES)[number];

/** What each status is called on screen. */
export const LIFECYCLE_LABELS: Record<Lifecycle, string> = {
  deprecated: 'Deprecated by FC',
  eol: 'Language end of life',
  current: 'Current',
};

/** What a runtime's name gains where room is short (`nodejs8 · deprecated`, `python3.9 · EOL`). */
export const LIFECYCLE_SHORT: Record<Lifecycle, string> = {
  deprecated: 'deprecated',
  eol: 'EOL',
  current: '',
};

/**
 * A runtime's name with its status's short word, where room is short (selects, chart labels).
 * @example withLifecycle('nodejs8', 'deprecated') // 'nodejs8 · deprecated'
 * @example withLifecycle('go1', 'current') // 'go1'
 */
export function withLifecycle(name: string, status: Lifecycle): string {
  const word = LIFECYCLE_SHORT[status];
  return word ? `${name} · ${word}` : name;
}

/** Where a fact comes from: a name a reader can look up, and its address. */
export interface LifecycleSource {
  name: string;
  url: string;
}

/** One runtime identifier as FC names it, and what is known of its life. */
export interface RuntimeEntry {
  runtime: string;
  /** The language or base it runs, as people say it (`Node.js 12`, `Python 3.6`). */
  language: string;
  /**
   * Deprecated by Function Compute: the day the cloud's own rule (Cloud Config
   * `fc-function-runtime-check`) began to flag it. FC's deprecation has two phases (no new
   * functions; then no updates either); their dates per runtime are not published in a form we
   * can cite, so they are left out rather than guessed.
   */
  deprecated?: { since: string; source: LifecycleSource };
  /** The day the language version (or the custom runtime's Debian release) reaches its end of life. */
  languageEol?: { on: string; source: LifecycleSource };
}

const FC_RULE: LifecycleSource = {
  name: 'Cloud Config rule fc-function-runtime-check',
  url: 'https://www.alibabacloud.com/help/en/cloud-config/latest/fc-not-using-obsolete-runtime',
};
const NODE: LifecycleSource = { name: 'Node.js release schedule', url: 'https://github.com/nodejs/Release' };
const PYTHON: LifecycleSource = {
  name: 'Python version status',
  url: 'https://devguide.python.org/versions/',
};
const PHP: LifecycleSource = {
  name: 'PHP supported versions',
  url: 'https://www.php.net/supported-versions.php',
};
const DOTNET: LifecycleSource = {
  name: '.NET support policy',
  url: 'https://dotnet.microsoft.com/en-us/platform/support/policy/dotnet-core',
};
const TEMURIN: LifecycleSource = {
  name: 'Eclipse Temurin support',
  url: 'https://adoptium.net/support/',
};
const DEBIAN: LifecycleSource = { name: 'Debian LTS', url: 'https://wiki.debian.org/LTS' };

const RULE_SINCE = '2025-04-20';
const fc = { since: RULE_SINCE, source: FC_RULE };
const eol = (on: string, source: LifecycleSource) => ({ on, source });

/**
 * Every runtime FC documents (FC 2.0's older ones included, since functions made then still
 * run). A runtime not listed here (a new one, or one this version does not know) is current.
 */
export const RUNTIME_CATALOGUE: readonly RuntimeEntry[] = [
  { runtime: 'nodejs4.4', language: 'Node.js 4', deprecated: fc, languageEol: eol('2018-04-30', NODE) },
  { runtime: 'nodejs6', language: 'Node.js 6', deprecated: fc, languageEol: eol('2019-04-30', NODE) },
  { runtime: 'nodejs8', language: 'Node.js 8', deprecated: fc, languageEol: eol('2019-12-31', NODE) },
  { runtime: 'nodejs10', language: 'Node.js 10', deprecated: fc, languageEol: eol('2021-04-30', NODE) },
  { runtime: 'nodejs12', language: 'Node.js 12', deprecated: fc, languageEol: eol('2022-04-30', NODE) },
  { runtime: 'nodejs14', language: 'Node.js 14', languageEol: eol('2023-04-30', NODE) },
  { runtime: 'nodejs16', language: 'Node.js 16', languageEol: eol('2023-09-11', NODE) },
  { runtime: 'nodejs18', language: 'Node.js 18', languageEol: eol('2025-04-30', NODE) },
  { runtime: 'nodejs20', language: 'Node.js 20', languageEol: eol('2026-04-30', NODE) },
  { runtime: 'python2.7', language: 'Python 2.7', deprecated: fc, languageEol: eol('2020-01-01', PYTHON) },
  { runtime: 'python3', language: 'Python 3.6', languageEol: eol('2021-12-23', PYTHON) },
  { runtime: 'python3.9', language: 'Python 3.9', languageEol: eol('2025-10-31', PYTHON) },
  { runtime: 'python3.10', language: 'Python 3.10', languageEol: eol('2026-10-31', PYTHON) },
  { runtime: 'python3.12', language: 'Python 3.12', languageEol: eol('2028-10-31', PYTHON) },
  { runtime: 'php7.2', language: 'PHP 7.2', languageEol: eol('2020-11-30', PHP) },
  {
    runtime: 'dotnetcore2.1',
    language: '.NET Core 2.1',
    deprecated: fc,
    languageEol: eol('2021-08-21', DOTNET),
  },
  { runtime: 'dotnetcore3.1', language: '.NET Core 3.1', languageEol: eol('2022-12-13', DOTNET) },
  { runtime: 'java8', language: 'Java 8', languageEol: eol('2030-12-31', TEMURIN) },
  { runtime: 'java11', language: 'Java 11', languageEol: eol('2027-10-31', TEMURIN) },
  { runtime: 'go1', language: 'Go 1.x' },
  { runtime: 'custom', language: 'Custom runtime (Debian 9)', languageEol: eol('2022-06-30', DEBIAN) },
  {
    runtime: 'custom.debian10',
    language: 'Custom runtime (Debian 10)',
    languageEol: eol('2024-06-30', DEBIAN),
  },
  {
    runtime: 'custom.debian11',
    language: 'Custom runtime (Debian 11)',
    languageEol: eol('2026-08-31', DEBIAN),
  },
  {
    runtime: 'custom.debian12',
    language: 'Custom runtime (Debian 12)',
    languageEol: eol('2028-06-30', DEBIAN),
  },
  { runtime: 'custom-container', language: 'Custom container' },
];

const BY_RUNTIME = new Map(RUNTIME_CATALOGUE.map((entry) => [entry.runtime, entry]));

/** A runtime's status on a day, with the date and source that decide it. */
export interface RuntimeLifecycle {
  status: Lifecycle;
  /** The catalogue entry, when the runtime is in it. */
  entry?: RuntimeEntry;
  /** The day the status began (deprecated: the rule's day; eol: the language's end of life). */
  since?: string;
  /** For a current runtime whose language has a known end of life: that day. */
  eolOn?: string;
  source?: LifecycleSource;
}

// A day as YYYY-MM-DD compares as text; a language reaches its end of life at the end of the day.
const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/**
 * The status of a runtime on `now`'s day (UTC): deprecated when FC deprecates it, else past its
 * language's end of life once that day is over, else current (a runtime the catalogue does not
 * know, or none, is current).
 * @example lifecycleOf('nodejs8', new Date('2026-11-28')).status; // 'deprecated'
 * @example lifecycleOf('python3.10', new Date('2026-11-28')).status; // 'eol'
 */
export function lifecycleOf(runtime: string | null | undefined, now: Date): RuntimeLifecycle {
  const entry = runtime ? BY_RUNTIME.get(runtime) : undefined;
  if (!entry) return { status: 'current' };
  if (entry.deprecated)
    return { status: 'deprecated', entry, since: entry.deprecated.since, source: entry.deprecated.source };
  const end = entry.languageEol;
  if (end && end.on < dayOf(now)) return { status: 'eol', entry, since: end.on, source: end.source };
  return { status: 'current', entry, ...(end ? { eolOn: end.on, source: end.source } : {}) };
}

/**
 * The runtimes with a status on `now`'s day. `current` is open (every runtime not deprecated nor
 * past its end of life, including ones this catalogue does not know), so it is answered as the
 * complement: `{ not: [...] }`.
 * @example runtimesIn('deprecated', new Date()); // { in: ['nodejs4.4', 'nodejs6', ...] }
 * @example runtimesIn('current', new Date()); // { not: ['nodejs4.4', ..., 'python3.10'] }
 */
export function runtimesIn(status: Lifecycle, now: Date): { in: string[] } | { not: string[] } {
  const of = (s: Lifecycle) =>
    RUNTIME_CATALOGUE.filter((e) => lifecycleOf(e.runtime, now).status === s).map((e) => e.runtime);
  return status === 'current' ? { not: [...of('deprecated'), ...of('eol')] } : { in: of(status) };
}
