import type { Account } from './accounts/account.ts';
import type { Logger } from './observability/logger.ts';
import type { FleetSource } from './upstream/fleet-source.ts';

/**
 * Reads the first page of every configured region once at start: it proves the credentials,
 * makes `/readyz` true, fills the cache for the first visitor and seeds the filter facets.
 */
export async function warmUp(
  accounts: readonly Account[],
  source: FleetSource,
  logger: Logger,
): Promise<void> {
  await Promise.all(
    accounts.flatMap((account) =>
      account.regions.map(async (region) => {
        const page = await source.page(account.alias, region, {}, undefined);
        if (page.ok)
          logger.info('upstream reachable', {
            account: account.alias,
            region,
            functionsOnFirstPage: page.value.functions.length,
          });
        else
          logger.warn('upstream not reachable', {
            account: account.alias,
            region,
            code: page.error.code,
            message: page.error.message,
            requestId: page.error.requestId,
          });
      }),
    ),
  );
}
