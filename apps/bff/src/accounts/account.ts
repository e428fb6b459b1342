import type { FcCredentials } from '@fc-fleet/fc-api';

/** One cloud account the BFF lists functions of, with everything needed to call it. */
export interface Account {
  /** Name shown in the UI and used in `?account=`; never a credential. */
  alias: string;
  accountId?: string;
  regions: readonly string[];
  /** Endpoint template with `{region}`. */
  endpoint: string;
  credentials: () => Promise<FcCredentials>;
  fetch?: typeof fetch;
  /** Upstream calls per second for this account; FC_UPSTREAM_RPS by default. The in-process demo needs no cloud limit. */
  upstreamRps?: number;
  /** Credential values currently in use, so logs can be scrubbed of them. */
  secrets: () => readonly string[];
}
