import { Hono } from 'hono';
import { type EmulatorEnv, errorResponse, invalidArgument } from '../errors.ts';
import { type FaultOptions, faultOptionsSchema } from '../faults/fault-options.ts';
import type { Fleet } from '../fleet/generate-fleet.ts';
import type { EmulatorStats } from '../stats.ts';
import { functionControlRoutes } from './function-control.ts';
import { describeIssue, readJsonBody } from './json-body.ts';
import { loopbackOnly } from './loopback-only.ts';

/**
 * `/__emulator/*`: unsigned test controls of the standalone server. Faults, stats and changes to the
 * fleet (`/functions/{region}/{name}`), all refused (403) to peers that are not loopback.
 * @example app.route('/__emulator', controlRoutes({ getFaults, setFaults, stats, fleet, now: Date.now }));
 */
export function controlRoutes(deps: {
  getFaults: () => FaultOptions;
  setFaults: (f: FaultOptions) => void;
  stats: EmulatorStats;
  fleet: Fleet;
  now: () => number;
}) {
  return new Hono<EmulatorEnv>()
    .use('*', loopbackOnly())
    .get('/faults', (c) => c.json(deps.getFaults(), 200))
    .put('/faults', async (c) => {
      const body = await readJsonBody(c);
      if (!body.ok) return errorResponse(c, body.error);
      const parsed = faultOptionsSchema.safeParse(body.value);
      if (!parsed.success) return errorResponse(c, invalidArgument(describeIssue(parsed.error)));
      deps.setFaults(parsed.data);
      return c.json(parsed.data, 200);
    })
    .get('/stats', (c) => c.json(deps.stats.snapshot(), 200))
    .route('/functions', functionControlRoutes({ fleet: deps.fleet, now: deps.now }))
    .all('*', (c) =>
      errorResponse(c, {
        status: 404,
        code: 'PathNotSupported',
        message: `${c.req.method} ${new URL(c.req.url).pathname} is not a control route.`,
      }),
    );
}
