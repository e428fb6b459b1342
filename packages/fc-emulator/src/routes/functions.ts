import { Hono } from 'hono';
import { type EmulatorEnv, errorResponse, invalidArgument } from '../errors.ts';
import type { Fleet } from '../fleet/generate-fleet.ts';
import type { createNextTokenCodec } from '../paging/next-token.ts';
import { parseListQuery } from './list-query.ts';

/** ListFunctions and GetFunction over the fleet of the request's region. */
export function functionRoutes(
  fleet: Fleet,
  tokens: ReturnType<typeof createNextTokenCodec>,
  afterList: () => void = () => {},
) {
  return new Hono<EmulatorEnv>()
    .get('/2023-03-30/functions', async (c) => {
      const region = fleet.region(c.get('region'));
      if (!region) return errorResponse(c, invalidArgument(`Region ${c.get('region')} is not served here.`));
      const query = parseListQuery(c.get('query'));
      if ('status' in query) return errorResponse(c, query);
      let after: string | undefined;
      if (query.nextToken !== undefined) {
        after = await tokens.decode(query.nextToken);
        if (after === undefined) return errorResponse(c, invalidArgument('The nextToken is invalid.'));
      }
      const functions = [];
      let more = false;
      for (const stored of region.scan(after, query.prefix)) {
        if (!query.matches(stored)) continue;
        if (functions.length === query.limit) {
          more = true;
          break;
        }
        functions.push(stored.fn);
      }
      const last = functions[functions.length - 1];
      const nextToken = more && last ? await tokens.encode(last.functionName) : undefined;
      // The page is built; now the fleet may change under the client (churn schedules).
      afterList();
      return c.json(nextToken ? { functions, nextToken } : { functions }, 200);
    })
    .get('/2023-03-30/functions/:name', (c) => {
      const region = fleet.region(c.get('region'));
      if (!region) return errorResponse(c, invalidArgument(`Region ${c.get('region')} is not served here.`));
      const name = c.req.param('name');
      const stored = region.get(name);
      if (!stored)
        return errorResponse(c, {
          status: 404,
          code: 'FunctionNotFound',
          message: `function '${name}' does not exist`,
        });
      return c.json({ ...stored.fn, ...stored.status }, 200);
    });
}
