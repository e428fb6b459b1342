import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';
import type { AppEnv } from '../app-env.ts';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** One trusted-proxy entry: an address with the number of leading bits that must match. */
export interface AddressRange {
  address: Address;
  prefix: number;
}

/** The narrowest prefixes a trusted-proxy range may have; anything wider trusts half the internet. */
export const MIN_PROXY_PREFIX = { ipv4: 8, ipv6: 16 } as const;

const ACCEPTED = `an IP address or a CIDR range no wider than IPv4 /${MIN_PROXY_PREFIX.ipv4} or IPv6 /${MIN_PROXY_PREFIX.ipv6}, such as 10.0.0.5, 10.0.0.0/8 or fd00::/16`;

// Strict: IPv4 only as four decimal parts (no `10.1`, hex or octal), IPv6 without a zone.
function parseAddress(text: string): Address | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (text.includes('%') || !ipaddr.IPv6.isValid(text)) return undefined;
  // An embedded IPv4 tail (`::ffff:10.0.0.1`) is held to the same four decimal parts.
  const dotted = text.includes('.') ? text.slice(text.lastIndexOf(':') + 1) : undefined;
  if (dotted !== undefined && !ipaddr.IPv4.isValidFourPartDecimal(dotted)) return undefined;
  return ipaddr.IPv6.parse(text);
}

// An IPv4-mapped IPv6 address or range (`::ffff:10.0.0.0/104`) means the IPv4 one.
function unmap(range: AddressRange): AddressRange {
  const { address, prefix } = range;
  if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() && prefix >= 96)
    return { address: address.toIPv4Address(), prefix: prefix - 96 };
  return range;
}

/**
 * Reads one FC_TRUSTED_PROXIES entry: an IPv4 or IPv6 address, or a CIDR range no wider than
 * `MIN_PROXY_PREFIX`. Start-up validation and `createProxyMatcher` both use it, so they cannot disagree.
 * @example parseProxyEntry('0:0:0:0:0:0:0:1'); // { ok: true, range: { address: ::1, prefix: 128 } }
 */
export function parseProxyEntry(
  entry: string,
): { ok: true; range: AddressRange } | { ok: false; problem: string } {
  const [ip = '', bits, extra] = entry.trim().split('/');
  const address = parseAddress(ip);
  const full = address?.kind() === 'ipv4' ? 32 : 128;
  const prefix = bits === undefined ? full : /^\d{1,3}$/.test(bits) ? Number(bits) : Number.NaN;
  if (!address || extra !== undefined || !(prefix <= full))
    return { ok: false, problem: `must be ${ACCEPTED}` };
  const range = unmap({ address, prefix });
  if (range.prefix < MIN_PROXY_PREFIX[range.address.kind()])
    return { ok: false, problem: `is a catch-all or too wide a range; it must be ${ACCEPTED}` };
  return { ok: true, range };
}

/** A peer address as Node reports it, IPv4-mapped IPv6 read as IPv4; lenient, since Node wrote it. */
function parsePeer(address: string): Address | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  return ipaddr.process(address);
}

/**
 * Writes an address the way logs and rate-limit keys show it: IPv4-mapped IPv6 as plain IPv4, IPv6 in
 * its short lower-case form. Text that is not an address is only lower-cased.
 * @example normaliseAddress('::FFFF:10.0.0.1'); // '10.0.0.1'
 */
export function normaliseAddress(address: string): string {
  return parsePeer(address)?.toString() ?? address.toLowerCase();
}

/**
 * Compiles a trusted-proxy list with `parseProxyEntry`. Throws on an entry it refuses, so a typo
 * fails at start-up rather than trusting nobody (or everybody).
 * @example const trusted = createProxyMatcher(['10.0.0.0/8', '::1']); trusted('::ffff:10.1.2.3'); // true
 */
export function createProxyMatcher(entries: readonly string[]): (address: string | undefined) => boolean {
  const ranges = entries.map((entry) => {
    const parsed = parseProxyEntry(entry);
    if (!parsed.ok) throw new Error(`trusted proxy ${entry} ${parsed.problem}`);
    return parsed.range;
  });
  return (address) => {
    const peer = address === undefined ? undefined : parsePeer(address);
    if (!peer) return false;
    return ranges.some(
      (range) => range.address.kind() === peer.kind() && peer.match(range.address, range.prefix),
    );
  };
}

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
 * Whether the request reached us over TLS: the URL is https, or a trusted proxy says so in
 * `X-Forwarded-Proto`. Of a list (`https, http`) only the last value counts: it is the one the
 * trusted proxy added; earlier ones came from further away, possibly from the client.
 * @example if (arrivedOverHttps(c, isTrustedProxy)) c.header('Strict-Transport-Security', 'max-age=31536000');
 */
export function arrivedOverHttps(
  c: Context<AppEnv>,
  isTrustedProxy: (address: string | undefined) => boolean,
): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  const forwarded = c.req.header('x-forwarded-proto');
  if (forwarded === undefined || !isTrustedProxy(clientAddress(c))) return false;
  return forwarded.split(',').at(-1)?.trim().toLowerCase() === 'https';
}
