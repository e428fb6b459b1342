import { isRegionId } from '@fc-fleet/fc-api';
import { z } from 'zod';
import { parseProxyEntry } from './middleware/client-address.ts';
import { secretProblem } from './middleware/secret-strength.ts';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
/** A comma-separated variable read as a list whose items each pass `item`. */
const commaList = (item: z.ZodString | z.ZodType<string, string>, min: number, max: number) =>
  z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(min).max(max));
const regionList = commaList(z.string().refine(isRegionId, 'must be region ids such as cn-hangzhou'), 1, 40);
const originList = z
  .string()
  .transform((text) => text.split(/[\s,]+/).filter(Boolean))
  .pipe(
    z
      .array(
        z
          .string()
          .regex(
            /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i,
            'must be origins such as https://portal.example.com',
          ),
      )
      .max(20),
  );
// The same parser decides at start-up and when matching peers, so an entry accepted here is matched.
const proxyEntry = z.string().superRefine((entry, ctx) => {
  const parsed = parseProxyEntry(entry);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem });
});
const ipList = commaList(proxyEntry, 0, 50);
/** A shared secret: long, varied and unpatterned enough not to be guessed (see `secretProblem`). */
const strongSecret = (minLength: number) =>
  z.string().superRefine((value, ctx) => {
    const problem = secretProblem(value, minLength);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The BFF's environment. Every variable is documented in the README; defaults suit a laptop. */
export const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  FC_REGIONS: regionList.optional(),
  FC_ENDPOINT: z.string().includes('{region}', { message: 'must contain {region}' }).optional(),
  FC_ACCOUNT_ID: z
    .string()
    .regex(/^\d{1,20}$/, 'must be digits')
    .optional(),
  FC_ACCOUNT_ALIAS: z
    .string()
    .regex(/^[\w.-]{1,40}$/, 'must be 1-40 letters, digits, dots, dashes')
    .default('default'),
  FC_BASE_PATH: z
    .string()
    .regex(/^\/([\w.-]+\/?)*$/, 'must be a path such as / or /tools/fc-fleet')
    .default('/')
    .transform((p) => p.replace(/\/+$/, '') || '/'),
  FC_FRAME_ANCESTORS: originList.default([]),
  FC_CONFIG: z.string().min(1).optional(),
  FC_DEMO: bool.default(false),
  FC_DEMO_FUNCTIONS_PER_REGION: z.coerce.number().int().min(1).max(200_000).default(1500),
  FC_DEMO_CONTROL_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  FC_DEMO_CHURN_SECONDS: z.coerce.number().int().min(0).max(3600).default(20),
  FC_AUTH: z.enum(['none', 'token', 'trusted-header']).default('none'),
  FC_AUTH_TOKEN: strongSecret(24).optional(),
  FC_TRUSTED_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/)
    .default('x-forwarded-user'),
  FC_TRUSTED_PROXIES: ipList.default([]),
  FC_SESSION_SECRET: strongSecret(32).optional(),
  FC_SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(720).default(12),
  FC_DATA_DIR: z.string().min(1).optional(),
  FC_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL')
    .optional(),
  FC_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  FC_SYNC_LEASE_SECONDS: z.coerce.number().int().min(5).max(600).default(30),
  FC_REFRESH_PER_MINUTE: z.coerce.number().int().min(1).max(600).default(6),
  FC_HISTORY_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  FC_UPSTREAM_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  FC_UPSTREAM_RPS: z.coerce.number().min(0.1).max(1000).default(20),
  FC_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  FC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  FC_WEB_DIST: z.string().min(1).optional(),
  FC_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

/** The parsed environment. */
export type BffEnv = z.infer<typeof envSchema>;

/** The demo's pass interval when FC_SYNC_INTERVAL_SECONDS is not set: its churn shows within a minute. */
export const DEMO_SYNC_INTERVAL_SECONDS = 15;

/**
 * The environment for demo mode: passes every {@link DEMO_SYNC_INTERVAL_SECONDS} unless
 * FC_SYNC_INTERVAL_SECONDS was set (the 300 s default suits a cloud account's budget, not a demo
 * whose fleet changes every few seconds). Anything set explicitly stays as it is.
 * @example demoEnv(parsed.env, process.env).FC_SYNC_INTERVAL_SECONDS; // 15
 */
export function demoEnv(env: BffEnv, vars: Record<string, string | undefined>): BffEnv {
  return vars.FC_SYNC_INTERVAL_SECONDS === undefined
    ? { ...env, FC_SYNC_INTERVAL_SECONDS: DEMO_SYNC_INTERVAL_SECONDS }
    : env;
}

/** Whether a bind address only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

// Rules that tie variables together read the raw values (with the same defaults), so they are
// reported in the same list as every other bad variable rather than on the next start.
function crossFieldProblems(vars: Record<string, string | undefined>): string[] {
  const auth = vars.FC_AUTH || 'none';
  const host = vars.HOST || '127.0.0.1';
  const problems: string[] = [];
  if (auth === 'token' && !vars.FC_AUTH_TOKEN) problems.push('FC_AUTH_TOKEN: is required when FC_AUTH=token');
  if (auth === 'trusted-header' && !vars.FC_TRUSTED_PROXIES?.trim())
    problems.push('FC_TRUSTED_PROXIES: is required when FC_AUTH=trusted-header');
  if (auth === 'none' && !isLoopback(host))
    problems.push(`FC_AUTH: is none, which is only allowed on a loopback address, but HOST is ${host}`);
  return problems;
}

/** Parses the environment; on failure returns one line per bad variable. Values are never echoed. */
export function parseEnv(
  env: Record<string, string | undefined>,
): { ok: true; env: BffEnv } | { ok: false; problems: string[] } {
  const parsed = envSchema.safeParse(env);
  const crossField = crossFieldProblems(env);
  if (parsed.success && crossField.length === 0) return { ok: true, env: parsed.data };
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
  return { ok: false, problems: [...issues, ...crossField] };
}
