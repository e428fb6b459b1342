import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';

/**
 * The TCP peer of the request, as `@hono/node-server` saw it. Forwarding headers are ignored on
 * purpose: anyone can send `X-Forwarded-For`; only a trusted proxy's word counts, and that is
 * decided by `createProxyMatcher` against this address.
 * @example const who = clientAddress(c) ?? 'local'; // '127.0.0.1' for '::ffff:127.0.0.1'
 */
export function clientAddress(c: Context<AppEnv>): string | undefined {
  // `c.env` is undefined when an app is driven through `app.fetch` without bindings.
  const raw = c.env?.incoming?.socket.remoteAddress;
  return raw ? normaliseAddress(raw) : undefined;
}

/**
 * Writes an address the way trusted-proxy lists do: IPv4-mapped IPv6 as plain IPv4, IPv6 in lower case.
 * @example normaliseAddress('::FFFF:10.0.0.1'); // '10.0.0.1'
 */
export function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address.toLowerCase();
}

function ipv4ToNumber(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

/**
 * Compiles a trusted-proxy list: exact addresses (IPv4 or IPv6) and IPv4 CIDR ranges such as
 * `10.0.0.0/8`. Throws on a malformed range, so a typo fails at start-up rather than trusting nobody.
 * @example const trusted = createProxyMatcher(['10.0.0.0/8', '::1']); trusted('10.1.2.3'); // true
 */
export function createProxyMatcher(entries: readonly string[]): (address: string | undefined) => boolean {
  const exact = new Set<string>();
  const ranges: { base: number; mask: number }[] = [];
  for (const entry of entries) {
    const [ip = '', bits] = entry.trim().split('/');
    if (bits === undefined) {
      exact.add(normaliseAddress(ip));
      continue;
    }
    const base = ipv4ToNumber(ip);
    const prefix = Number(bits);
    if (base === undefined || !/^\d{1,2}$/.test(bits) || prefix > 32) {
      throw new Error(`trusted proxy ${entry} is neither an address nor an IPv4 CIDR range`);
    }
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    ranges.push({ base: (base & mask) >>> 0, mask });
  }
  return (address) => {
    if (address === undefined) return false;
    if (exact.has(address)) return true;
    const value = ipv4ToNumber(address);
    return value !== undefined && ranges.some((range) => (value & range.mask) >>> 0 === range.base);
  };
}
