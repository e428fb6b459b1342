import { type Context, Hono } from 'hono';
import { type EmulatorEnv, type EmulatorError, errorResponse, invalidArgument } from '../errors.ts';
import type { Fleet } from '../fleet/generate-fleet.ts';
import { createRng } from '../fleet/prng.ts';
import type { RegionFleet, StoredFunction } from '../fleet/region-fleet.ts';
import {
  type FunctionWrite,
  parseFunctionWrite,
  patchFunction,
  replaceFunction,
  type WriteContext,
} from './function-write.ts';
import { readJsonBody } from './json-body.ts';

// FC's rule for function names: 1-128 letters, digits, `_` and `-`, not starting with a digit or `-`.
const FUNCTION_NAME_PATTERN = /^[_a-zA-Z][-_a-zA-Z0-9]{0,127}$/;

type Target = { ok: true; fleet: RegionFleet; name: string } | { ok: false; error: EmulatorError };

const notFound = (name: string): EmulatorError => ({
  status: 404,
  code: 'FunctionNotFound',
  message: `function '${name}' does not exist`,
});

// The function as GetFunction shows it, status included.
const wire = (stored: StoredFunction) => ({ ...stored.fn, ...stored.status });

/**
 * `PUT`, `PATCH` and `DELETE /{region}/{name}`: unsigned changes to the fleet, for tests and demos
 * that change it between sync passes. PUT creates (201) or replaces (200), PATCH merges top-level
 * fields (200), DELETE answers 204; see `replaceFunction` and `patchFunction` for the rules.
 * @example
 * app.route('/__emulator/functions', functionControlRoutes({ fleet, now: Date.now }));
 * // PUT /__emulator/functions/cn-hangzhou/orders-api  {"runtime":"nodejs20","memorySize":512}
 */
export function functionControlRoutes(deps: { fleet: Fleet; now: () => number }) {
  const { fleet } = deps;
  // One seeded stream for new ids: the same requests give the same ids, so a failure replays.
  const ids = createRng(`${fleet.options.seed}/control`);
  const newFunctionId = () => {
    const h = ids.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  };

  function target(c: Context<EmulatorEnv>): Target {
    const region = c.req.param('region') ?? '';
    const name = c.req.param('name') ?? '';
    const regionFleet = fleet.region(region);
    if (!regionFleet)
      return {
        ok: false,
        error: {
          status: 404,
          code: 'RegionNotFound',
          message: `Region ${region} is not served here; the emulator serves ${fleet.regions().join(', ')}.`,
        },
      };
    if (!FUNCTION_NAME_PATTERN.test(name))
      return {
        ok: false,
        error: invalidArgument(
          `Function name '${name}' is invalid: use 1-128 letters, digits, '_' and '-', starting with a letter or '_'.`,
        ),
      };
    return { ok: true, fleet: regionFleet, name };
  }

  // PUT and PATCH: the target, then its body, checked in that order.
  async function writeRequest(
    c: Context<EmulatorEnv>,
  ): Promise<
    { ok: true; fleet: RegionFleet; name: string; write: FunctionWrite } | { ok: false; error: EmulatorError }
  > {
    const t = target(c);
    if (!t.ok) return t;
    const body = await readJsonBody(c);
    if (!body.ok) return body;
    const parsed = parseFunctionWrite(body.value, t.name);
    return parsed.ok ? { ...t, write: parsed.write } : parsed;
  }

  const context = (region: string): WriteContext => ({
    region,
    accountId: fleet.options.accountId,
    now: new Date(deps.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    newFunctionId,
  });

  return new Hono<EmulatorEnv>()
    .put('/:region/:name', async (c) => {
      const w = await writeRequest(c);
      if (!w.ok) return errorResponse(c, w.error);
      const existing = w.fleet.get(w.name);
      const stored = replaceFunction(w.write, w.name, existing, context(w.fleet.region));
      w.fleet.put(stored);
      return c.json(wire(stored), existing ? 200 : 201);
    })
    .patch('/:region/:name', async (c) => {
      const w = await writeRequest(c);
      if (!w.ok) return errorResponse(c, w.error);
      const existing = w.fleet.get(w.name);
      if (!existing) return errorResponse(c, notFound(w.name));
      const stored = patchFunction(w.write, existing, context(w.fleet.region));
      w.fleet.put(stored);
      return c.json(wire(stored), 200);
    })
    .delete('/:region/:name', (c) => {
      const t = target(c);
      if (!t.ok) return errorResponse(c, t.error);
      if (!t.fleet.delete(t.name)) return errorResponse(c, notFound(t.name));
      return c.body(null, 204);
    })
    .all('/:region/:name', (c) =>
      errorResponse(
        c,
        {
          status: 405,
          code: 'MethodNotAllowed',
          message: `${c.req.method} is not allowed here; use PUT, PATCH or DELETE.`,
        },
        { allow: 'PUT, PATCH, DELETE' },
      ),
    );
}
