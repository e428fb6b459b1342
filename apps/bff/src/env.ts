import { isRegionId } from '@fc-fleet/fc-api';
import { z } from 'zod';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const regionList = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().refine(isRegionId, 'must be region ids such as cn-hangzhou')).min(1).max(40));
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
const ipList = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().regex(/^[0-9a-f:.]+(\/\d{1,3})?$/i, 'must be IP addresses or IPv4 CIDR ranges'))
      .max(50),
  );

/** The BFF's environment. Every variable is documented in the README; defaults suit a laptop. */
export const envSchema = z
  .object({
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
    FC_AUTH: z.enum(['none', 'token', 'trusted-header']).default('none'),
    FC_AUTH_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
    FC_TRUSTED_HEADER: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/)
      .default('x-forwarded-user'),
    FC_TRUSTED_PROXIES: ipList.default([]),
    FC_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    FC_SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(720).default(12),
    FC_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    FC_CACHE_STALE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
    FC_CACHE_MAX_MB: z.coerce.number().min(1).max(4096).default(128),
    FC_UPSTREAM_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    FC_UPSTREAM_RPS: z.coerce.number().min(0.1).max(1000).default(20),
    FC_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    FC_SCAN_MAX_PAGES: z.coerce.number().int().min(1).max(10_000).default(100),
    FC_SCAN_MAX_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
    FC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
    FC_WEB_DIST: z.string().min(1).optional(),
    FC_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.FC_AUTH === 'token' && !env.FC_AUTH_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['FC_AUTH_TOKEN'], message: 'is required when FC_AUTH=token' });
    }
    if (env.FC_AUTH === 'trusted-header' && env.FC_TRUSTED_PROXIES.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['FC_TRUSTED_PROXIES'],
        message: 'is required when FC_AUTH=trusted-header',
      });
    }
    if (env.FC_AUTH === 'none' && !isLoopback(env.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['FC_AUTH'],
        message: `is none, which is only allowed on a loopback address, but HOST is ${env.HOST}`,
      });
    }
  });

/** The parsed environment. */
export type BffEnv = z.infer<typeof envSchema>;

/** Whether a bind address only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Parses the environment; on failure returns one line per bad variable. Values are never echoed. */
export function parseEnv(
  env: Record<string, string | undefined>,
): { ok: true; env: BffEnv } | { ok: false; problems: string[] } {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return { ok: true, env: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
    ),
  };
}
