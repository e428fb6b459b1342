import { z } from 'zod';
import { DEFAULT_EMULATOR_CREDENTIALS, DEFAULT_REGIONS, type EmulatorOptions } from './app.ts';

const regionList = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, 'must be region ids like cn-hangzhou')).min(1));
const rate = z.coerce.number().min(0).max(1);

/** Environment of the standalone emulator; every variable is optional and documented in the README. */
export const emulatorEnvSchema = z.object({
  FC_EMULATOR_HOST: z.string().default('127.0.0.1'),
  FC_EMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(9100),
  FC_EMULATOR_ACCESS_KEY_ID: z.string().min(1).default(DEFAULT_EMULATOR_CREDENTIALS.accessKeyId),
  FC_EMULATOR_ACCESS_KEY_SECRET: z.string().min(1).default(DEFAULT_EMULATOR_CREDENTIALS.accessKeySecret),
  FC_EMULATOR_ACCOUNT_ID: z
    .string()
    .regex(/^\d{1,20}$/, 'must be digits')
    .default('1234567890123456'),
  FC_EMULATOR_REGIONS: regionList.default([...DEFAULT_REGIONS]),
  FC_EMULATOR_FUNCTIONS_PER_REGION: z.coerce.number().int().min(0).max(1_000_000).default(1500),
  FC_EMULATOR_SEED: z.string().min(1).default('fc-fleet'),
  FC_EMULATOR_LATENCY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  FC_EMULATOR_THROTTLE_RATE: rate.default(0),
  FC_EMULATOR_ERROR_RATE: rate.default(0),
});

/** Parses the environment; on failure returns every bad variable with its reason. */
export function parseEmulatorEnv(
  env: Record<string, string | undefined>,
): { ok: true; host: string; port: number; options: EmulatorOptions } | { ok: false; problems: string[] } {
  const parsed = emulatorEnvSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    host: e.FC_EMULATOR_HOST,
    port: e.FC_EMULATOR_PORT,
    options: {
      fleet: {
        seed: e.FC_EMULATOR_SEED,
        accountId: e.FC_EMULATOR_ACCOUNT_ID,
        regions: e.FC_EMULATOR_REGIONS,
        functionsPerRegion: e.FC_EMULATOR_FUNCTIONS_PER_REGION,
      },
      accessKeys: [
        { accessKeyId: e.FC_EMULATOR_ACCESS_KEY_ID, accessKeySecret: e.FC_EMULATOR_ACCESS_KEY_SECRET },
      ],
      faults: {
        latencyMs: e.FC_EMULATOR_LATENCY_MS,
        throttleRate: e.FC_EMULATOR_THROTTLE_RATE,
        serverErrorRate: e.FC_EMULATOR_ERROR_RATE,
      },
      control: true,
    },
  };
}
