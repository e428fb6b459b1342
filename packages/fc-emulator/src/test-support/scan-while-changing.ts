import type { FcClient } from '@fc-fleet/fc-api';

/** Sends one control request, e.g. `('PUT', 'cn-hangzhou', 'orders-api', { runtime: 'go1' })`. */
export type ControlCall = (
  method: 'PUT' | 'PATCH' | 'DELETE',
  region: string,
  name: string,
  body?: unknown,
) => Promise<Response>;

/** What a scan under change saw, and what the changes were, for the caller to judge. */
export interface ScanUnderChange {
  initial: string[];
  seen: string[];
  deleted: Set<string>;
  /** Created with a name after the cursor of the moment: a name-order scan must still reach them. */
  createdAhead: Set<string>;
  /** Created with a name before the cursor: the scan has passed their place. */
  createdBehind: Set<string>;
}

async function must(response: Promise<Response>, status: number): Promise<void> {
  const res = await response;
  if (res.status !== status) throw new Error(`control call: ${res.status} ${await res.text()}`);
}

/**
 * Pages a region `limit` at a time and, between pages, changes the fleet through the control
 * routes: deletes the next function the scan has yet to reach, one it has passed and, every other
 * round, the page's last one (the name its nextToken holds); creates one just after the cursor and
 * one before it.
 * @example const r = await scanWhileChanging(fc, control); // every name of r.initial not in r.deleted is in r.seen
 */
export async function scanWhileChanging(
  fc: FcClient,
  control: ControlCall,
  limit = 10,
): Promise<ScanUnderChange> {
  const region = fc.region;
  const initial: string[] = [];
  for await (const page of fc.pages({ limit: 100 }))
    initial.push(...page.functions.map((f) => f.functionName));
  const result: ScanUnderChange = {
    initial,
    seen: [],
    deleted: new Set(),
    createdAhead: new Set(),
    createdBehind: new Set(),
  };
  const remove = async (name: string | undefined) => {
    if (name === undefined || result.deleted.has(name)) return;
    await must(control('DELETE', region, name), 204);
    result.deleted.add(name);
  };
  let nextToken: string | undefined;
  for (let round = 0; ; round++) {
    const page = await fc.listFunctions({ limit, nextToken });
    if (!page.ok) throw new Error(`ListFunctions failed: ${page.error.code} ${page.error.message}`);
    const names = page.value.functions.map((f) => f.functionName);
    result.seen.push(...names);
    nextToken = page.value.nextToken || undefined;
    const cursor = names[names.length - 1];
    if (nextToken === undefined || cursor === undefined) return result;

    const ahead = cursor.length <= 120 ? `${cursor}-x${round}` : `zz-created-${round}`;
    const behind = `_early-${round}`;
    await must(control('PUT', region, ahead, { runtime: 'nodejs20' }), 201);
    await must(control('PUT', region, behind, { runtime: 'nodejs20' }), 201);
    (ahead > cursor ? result.createdAhead : result.createdBehind).add(ahead);
    result.createdBehind.add(behind);
    // Every other round the token's own name is gone when the next page is asked for.
    if (round % 2 === 1) await remove(cursor);
    await remove(initial.find((name) => name > cursor && !result.deleted.has(name)));
    await remove(initial.find((name) => name < cursor && !result.deleted.has(name)));
  }
}

/**
 * Everything wrong with a scan under change: a name seen twice, a function that existed throughout
 * (or was created ahead of the cursor and kept) but was missed, one created behind it that showed up.
 * @example expect(scanProblems(await scanWhileChanging(fc, control))).toEqual([]);
 */
export function scanProblems(r: ScanUnderChange): string[] {
  const counts = new Map<string, number>();
  for (const name of r.seen) counts.set(name, (counts.get(name) ?? 0) + 1);
  const problems: string[] = [];
  for (const [name, n] of counts) if (n > 1) problems.push(`${name} seen ${n} times`);
  for (const name of r.initial)
    if (!r.deleted.has(name) && !counts.has(name)) problems.push(`${name} existed throughout, not seen`);
  for (const name of r.createdAhead)
    if (!r.deleted.has(name) && !counts.has(name)) problems.push(`${name} created ahead, not seen`);
  for (const name of r.createdBehind) if (counts.has(name)) problems.push(`${name} created behind, seen`);
  return problems;
}
