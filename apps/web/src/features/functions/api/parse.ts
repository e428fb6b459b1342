import { expectArray, expectRecord } from '../../../lib/api-client.ts';
import type { FleetRow, FunctionsPage, FunctionView, Meta, RegionError } from './types.ts';

const str = (v: unknown, what: string): string => {
  if (typeof v !== 'string') throw new Error(`${what} is not text`);
  return v;
};

function parseFunction(value: unknown, what: string): FunctionView {
  const fn = expectRecord(value, what);
  str(fn.functionName, `${what}.functionName`);
  // The rest is displayed defensively (every field may be absent or null), so it is kept as sent.
  return fn as unknown as FunctionView;
}

/** Parses one `FleetRow`. */
export function parseRow(value: unknown, what = 'row'): FleetRow {
  const row = expectRecord(value, what);
  return {
    account: str(row.account, `${what}.account`),
    region: str(row.region, `${what}.region`),
    function: parseFunction(row.function, `${what}.function`),
  };
}

/** Parses a `/api/functions` page. */
export function parsePage(body: unknown): FunctionsPage {
  const page = expectRecord(body, 'page');
  const errors =
    page.errors === undefined
      ? []
      : expectArray(page.errors, 'errors').map((e, i): RegionError => {
          const r = expectRecord(e, `errors[${i}]`);
          return {
            account: str(r.account, 'account'),
            region: str(r.region, 'region'),
            code: str(r.code, 'code'),
            message: str(r.message, 'message'),
          };
        });
  return {
    functions: expectArray(page.functions, 'functions').map((f, i) => parseRow(f, `functions[${i}]`)),
    cursor: page.cursor === undefined ? undefined : str(page.cursor, 'cursor'),
    scanned: typeof page.scanned === 'number' ? page.scanned : 0,
    complete: page.complete === true,
    errors,
  };
}

/** Parses `/api/meta`. */
export function parseMeta(body: unknown): Meta {
  const meta = expectRecord(body, 'meta');
  const accounts = expectArray(meta.accounts, 'accounts').map((a, i) => {
    const r = expectRecord(a, `accounts[${i}]`);
    return {
      alias: str(r.alias, 'alias'),
      accountId: typeof r.accountId === 'string' ? r.accountId : undefined,
      regions: expectArray(r.regions, 'regions').map((x) => str(x, 'region')),
    };
  });
  const facets = expectRecord(meta.facets, 'facets');
  const list = (v: unknown, what: string) => expectArray(v, what).map((x) => str(x, what));
  const embed = expectRecord(meta.embed ?? {}, 'embed');
  return {
    version: str(meta.version, 'version'),
    demo: meta.demo === true,
    auth: meta.auth === 'token' || meta.auth === 'trusted-header' ? meta.auth : 'none',
    basePath: typeof meta.basePath === 'string' ? meta.basePath : '/',
    accounts,
    embed: {
      frameAncestors: Array.isArray(embed.frameAncestors) ? list(embed.frameAncestors, 'frameAncestors') : [],
    },
    facets: {
      runtimes: list(facets.runtimes, 'runtimes'),
      gpuTypes: list(facets.gpuTypes, 'gpuTypes'),
      vpcIds: list(facets.vpcIds, 'vpcIds'),
    },
    gpuCatalog: expectArray(meta.gpuCatalog ?? [], 'gpuCatalog').map((g) => {
      const r = expectRecord(g, 'gpu');
      return {
        type: str(r.type, 'type'),
        card: str(r.card, 'card'),
        memoryGb: typeof r.memoryGb === 'number' ? r.memoryGb : 0,
      };
    }),
  };
}
