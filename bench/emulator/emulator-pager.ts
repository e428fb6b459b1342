import { createFcClient, type FcClient } from '@fc-fleet/fc-api';
import { DEFAULT_EMULATOR_CREDENTIALS } from '@fc-fleet/fc-emulator';

/** Our signed client for one region of an emulator, over `fetchImpl` or real HTTP by default. */
export function emulatorClient(region: string, endpoint: string, fetchImpl?: typeof fetch): FcClient {
  return createFcClient({
    region,
    endpoint,
    credentials: () => DEFAULT_EMULATOR_CREDENTIALS,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

/**
 * Returns a function that fetches the next ListFunctions page, starting over after the last one.
 * @example const next = pager(client, 100); await next(); await next();
 */
export function pager(client: FcClient, pageSize: number): () => Promise<void> {
  let nextToken: string | undefined;
  return async () => {
    const page = await client.listFunctions({ limit: pageSize, nextToken });
    if (!page.ok) throw new Error(`ListFunctions failed: ${page.error.code}: ${page.error.message}`);
    nextToken = page.value.nextToken || undefined;
  };
}
