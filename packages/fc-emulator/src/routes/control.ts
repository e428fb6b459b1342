import { Hono } from 'hono';
import { type EmulatorEnv, errorResponse, invalidArgument } from '../errors.ts';
import { type FaultOptions, faultOptionsSchema } from '../faults/fault-options.ts';
import type { EmulatorStats } from '../stats.ts';

/** `/__emulator/faults` and `/__emulator/stats`: unsigned test controls of the standalone server. */
export function controlRoutes(deps: {
  getFaults: () => FaultOptions;
  setFaults: (f: FaultOptions) => void;
  stats: EmulatorStats;
}) {
  return new Hono<EmulatorEnv>()
    .get('/faults', (c) => c.json(deps.getFaults(), 200))
    .put('/faults', async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return errorResponse(c, invalidArgument('The body must be JSON.'));
      }
      const parsed = faultOptionsSchema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return errorResponse(
          c,
          invalidArgument(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`),
        );
      }
      deps.setFaults(parsed.data);
      return c.json(parsed.data, 200);
    })
    .get('/stats', (c) => c.json(deps.stats.snapshot(), 200));
}
