import { projectFunction } from '@fc-fleet/fleet-contract/project-function';
import { type PrintKey, repairFunction } from '@fc-fleet/fleet-index';
import { Hono } from 'hono';
import type { Account } from '../accounts/account.ts';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../errors.ts';
import type { Logger } from '../observability/logger.ts';
import { clip, readParams } from '../query/query-params.ts';
import type { FleetStore } from '../store/fleet-store.ts';
import type { FleetSource } from '../upstream/fleet-source.ts';
import { toApiError } from '../upstream/map-upstream-error.ts';

// Names the cloud allows, plus any printable name without a slash (odd legacy names still open).
const NAME = /^[^/\p{Cc}]{1,128}$/u;

/**
 * `GET /api/functions/:region/:name`: GetFunction, the drawer's live state. What it reads repairs
 * the index: a newer version of the function is written, a function the cloud no longer has is
 * removed, so the table agrees with the drawer without waiting for the next pass.
 */
export function getFunctionRoute(deps: {
  accounts: readonly Account[];
  source: FleetSource;
  store: FleetStore;
  logger: Logger;
  printKey?: PrintKey;
}) {
  return new Hono<AppEnv>().get('/:region/:name', async (c) => {
    const params = readParams(new URL(c.req.url), ['account']);
    const alias = params.get('account');
    const account = alias ? deps.accounts.find((a) => a.alias === alias) : deps.accounts[0];
    if (!account) throw new ApiError('UnknownAccount', `Unknown account "${clip(alias ?? '')}".`);
    const region = c.req.param('region');
    if (!deps.source.hasRegion(account.alias, region)) {
      throw new ApiError(
        'UnknownRegion',
        `Region "${clip(region)}" is not configured for account ${account.alias}.`,
      );
    }
    const name = c.req.param('name');
    if (!NAME.test(name)) throw new ApiError('InvalidParameter', `"${clip(name)}" is not a function name.`);
    const result = await deps.source.getRaw(account.alias, region, name, c.req.raw.signal);
    const gone = !result.ok && result.error.code === 'FunctionNotFound';
    if (result.ok || gone) {
      // The read is answered even if the repair cannot be written (a store outage must not hide live state).
      await repairFunction(
        deps.store.sql,
        account.alias,
        region,
        name,
        result.ok ? result.value : null,
        new Date(),
        deps.printKey,
      ).catch((error: unknown) =>
        deps.logger.warn('index repair failed', { account: account.alias, region, name, error }),
      );
    }
    if (!result.ok) throw toApiError(region, result.error);
    return c.json({ account: account.alias, region, function: projectFunction(result.value) }, 200);
  });
}
