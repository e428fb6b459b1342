import type { FcFunction } from '@fc-fleet/fc-api';
import { secretValue } from './generate-configs.ts';
import type { Rng } from './prng.ts';
import { SECRET_ENV_KEYS } from './vocabulary.ts';

// What engineers do to environment variables: add a setting, drop one, turn a log level up, point
// at a new database after a failover, rotate a secret. Values change here; FC Fleet shows only
// that a variable changed.

type Env = Record<string, string>;
type Patch = Partial<FcFunction> | undefined;

const ADDED: readonly (readonly [string, (rng: Rng) => string])[] = [
  ['LOG_LEVEL', (rng) => rng.pick(['info', 'debug'])],
  ['FEATURE_FLAGS', (rng) => rng.pick(['new-pricing', 'fast-path', 'beta-ui'])],
  ['MAX_BATCH', (rng) => String(rng.pick([10, 50, 100]))],
  ['OTEL_EXPORTER_OTLP_ENDPOINT', () => 'http://otel-collector.internal:4318'],
  ['CACHE_TTL_SECONDS', (rng) => String(rng.pick([30, 60, 300]))],
  ['RETRY_LIMIT', (rng) => String(rng.int(2, 5))],
  ['API_KEY', (rng) => secretValue(rng, 'API_KEY')],
];

const isSecret = (key: string) => (SECRET_ENV_KEYS as readonly string[]).includes(key);

const CHOICES: Record<string, readonly string[]> = {
  LOG_LEVEL: ['info', 'debug', 'warn', 'error'],
  FEATURE_FLAGS: ['new-pricing,fast-path', 'none', 'beta-ui', 'new-pricing'],
  MAX_BATCH: ['10', '50', '100', '200'],
  CACHE_TTL_SECONDS: ['30', '60', '300', '900'],
  RETRY_LIMIT: ['2', '3', '4', '5'],
};

/** Whether people change this variable's value (REGION, TZ, NODE_ENV stay as they are). */
const changeable = (key: string) => isSecret(key) || key in CHOICES || key === 'DB_HOST';

/** A new value for a changeable variable: a rotated secret, another setting, a failed-over host. */
function changedValue(rng: Rng, key: string, old: string): string {
  if (isSecret(key)) return secretValue(rng, key);
  const list = CHOICES[key]?.filter((v) => v !== old);
  if (list?.length) return rng.pick(list);
  return `rm-${rng.alnum(12)}.mysql.rds.aliyuncs.com`;
}

/**
 * Adds a variable the function does not have yet.
 * @example addEnvVariable({ rng }, fn); // { environmentVariables: { ...before, RETRY_LIMIT: '3' } }
 */
export function addEnvVariable({ rng }: { rng: Rng }, fn: FcFunction): Patch {
  const env: Env = fn.environmentVariables ?? {};
  const missing = ADDED.filter(([key]) => !(key in env));
  if (missing.length === 0) return undefined;
  const [key, value] = rng.pick(missing);
  return { environmentVariables: { ...env, [key]: value(rng) } };
}

/**
 * Removes one of the function's variables.
 * @example removeEnvVariable({ rng }, fn); // { environmentVariables: { ...before without one } }
 */
export function removeEnvVariable({ rng }: { rng: Rng }, fn: FcFunction): Patch {
  const env: Env = fn.environmentVariables ?? {};
  const keys = Object.keys(env);
  if (keys.length === 0) return undefined;
  const gone = rng.pick(keys);
  return { environmentVariables: Object.fromEntries(Object.entries(env).filter(([key]) => key !== gone)) };
}

/**
 * Changes the value of one variable (a secret is rotated; a setting moves to another value).
 * @example changeEnvVariable({ rng }, fn); // { environmentVariables: { ...before, LOG_LEVEL: 'debug' } }
 */
export function changeEnvVariable({ rng }: { rng: Rng }, fn: FcFunction): Patch {
  const env: Env = fn.environmentVariables ?? {};
  const candidates = Object.keys(env).filter(changeable);
  if (candidates.length === 0) return undefined;
  const key = rng.pick(candidates);
  return { environmentVariables: { ...env, [key]: changedValue(rng, key, env[key] ?? '') } };
}
