import { useEffect } from 'react';

/** Messages the dashboard posts to the portal that frames it. */
export type EmbedMessage =
  | { type: 'fc-fleet:navigate'; url: string }
  | { type: 'fc-fleet:select'; region: string; name: string };

/**
 * Parent origins to post to: the allowed ancestors from `/api/meta`. A wildcard entry
 * (`https://*.example.com`) matches the actual parent origin taken from the referrer.
 */
export function parentOrigins(allowed: readonly string[], referrer: string): string[] {
  let parent: string | undefined;
  try {
    parent = referrer ? new URL(referrer).origin : undefined;
  } catch {
    parent = undefined;
  }
  const out = new Set<string>();
  for (const entry of allowed) {
    if (!entry.includes('*')) out.add(entry);
    else if (parent) {
      const pattern = new RegExp(
        `^${entry.replace(/[.]/g, '\\.').replace('*', '[a-z0-9-]+(\\.[a-z0-9-]+)*')}$`,
        'i',
      );
      if (pattern.test(parent)) out.add(parent);
    }
  }
  return [...out];
}

/** Posts a message to every allowed parent origin, only when framed. */
export function postToParent(message: EmbedMessage, allowed: readonly string[]): void {
  if (window.parent === window) return;
  for (const origin of parentOrigins(allowed, document.referrer)) window.parent.postMessage(message, origin);
}

/** Tells the framing portal the current URL whenever it changes, and which function is open. */
export function useEmbedBridge(
  allowed: readonly string[] | undefined,
  search: string,
  selected?: { region: string; name: string },
): void {
  useEffect(() => {
    if (allowed?.length) postToParent({ type: 'fc-fleet:navigate', url: window.location.href }, allowed);
  }, [allowed, search]);
  const region = selected?.region;
  const name = selected?.name;
  useEffect(() => {
    if (allowed?.length && region && name) postToParent({ type: 'fc-fleet:select', region, name }, allowed);
  }, [allowed, region, name]);
}
