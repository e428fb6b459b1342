export { openPglite, PGLITE_SETTINGS, type PgliteOptions } from './db/open-pglite.ts';
export { openPostgres, redactUrl } from './db/open-postgres.ts';
export { openStore, type StoreOptions } from './db/open-store.ts';
export { lazySqlClient } from './db/lazy-sql-client.ts';
export type { SqlClient, SqlResult, SqlValue } from './db/sql-client.ts';
export { StoreIncompatibleError, StoreUnavailableError } from './db/store-errors.ts';
export { type LeaseOptions, releaseLease, renewLease, tryLease } from './lease/region-lease.ts';
export { type FacetCounts, type FacetName, type FacetValue, facetCounts } from './query/facet-counts.ts';
export { buildWhere, type IndexFilters } from './query/index-filters.ts';
export {
  type ChangeFilters,
  type ListChangesOptions,
  listChanges,
  pruneChanges,
} from './query/list-changes.ts';
export { type IndexCursor, type IndexPage, type ListPageOptions, listPage } from './query/list-page.ts';
export { repairFunction } from './repair/repair-function.ts';
export { migrate } from './schema/migrate.ts';
export { MIGRATIONS, type Migration } from './schema/migrations.ts';
export { type DistinctValues, distinctValues } from './status/distinct-values.ts';
export { regionStatus } from './status/region-status.ts';
export { envPrints, type PrintKey, printKey } from './sync/env-prints.ts';
export { type FunctionRow, featuresOf, functionRow } from './sync/function-row.ts';
export { type ListPage, type PassOptions, type PassReport, runPass } from './sync/run-pass.ts';
export { writePage } from './sync/write-page.ts';
