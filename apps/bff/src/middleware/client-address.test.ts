import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';
import { createProxyMatcher, normaliseAddress } from './client-address.ts';

/** Whether start-up accepts FC_TRUSTED_PROXIES=entry. */
const envAccepts = (entry: string) =>
  parseEnv({ FC_AUTH: 'trusted-header', FC_TRUSTED_PROXIES: entry, HOST: '0.0.0.0' }).ok;

describe('createProxyMatcher', () => {
  it('matches IPv6 proxies however they are written', () => {
    const trusted = createProxyMatcher(['0:0:0:0:0:0:0:1', '2001:DB8:0:0:0:0:0:1']);
    expect(trusted('::1')).toBe(true);
    expect(trusted('2001:db8::1')).toBe(true);
    expect(trusted('2001:db8::2')).toBe(false);
  });

  it('matches IPv4 and IPv6 CIDR ranges', () => {
    const trusted = createProxyMatcher(['10.0.0.0/8', '2001:db8::/32', 'fd00:1:2::/48']);
    expect(trusted('10.255.0.1')).toBe(true);
    expect(trusted('11.0.0.1')).toBe(false);
    expect(trusted('2001:db8:ffff::7')).toBe(true);
    expect(trusted('2001:db9::7')).toBe(false);
    expect(trusted('fd00:1:2:3::1')).toBe(true);
    expect(trusted('fd00:1:3::1')).toBe(false);
  });

  it('matches IPv4-mapped IPv6 peers against IPv4 entries, and mapped entries against IPv4 peers', () => {
    const trusted = createProxyMatcher(['10.0.0.0/8', '::ffff:192.168.1.5']);
    for (const peer of ['::ffff:10.0.0.1', '::FFFF:10.0.0.1', '::ffff:a00:1', '192.168.1.5'])
      expect(trusted(peer), peer).toBe(true);
    expect(trusted('::ffff:11.0.0.1')).toBe(false);
    expect(trusted(undefined)).toBe(false);
    expect(trusted('not an address')).toBe(false);
  });

  it('matches, for every entry start-up accepts, the peer address Node reports for it', () => {
    const entries: [entry: string, peer: string][] = [
      ['0:0:0:0:0:0:0:1', '::1'],
      ['2001:db8:0:0:0:0:0:1', '2001:db8::1'],
      ['2001:0DB8::0001', '2001:db8::1'],
      ['::ffff:10.1.2.3', '::ffff:10.1.2.3'],
      ['10.1.2.3', '::ffff:10.1.2.3'],
      ['10.0.0.0/8', '10.9.8.7'],
      ['2001:db8::/32', '2001:db8:1::1'],
      ['fe80::1', 'fe80::1'],
    ];
    for (const [entry, peer] of entries) {
      expect(envAccepts(entry), entry).toBe(true);
      expect(createProxyMatcher([entry])(peer), entry).toBe(true);
    }
  });

  it('refuses at creation whatever start-up refuses', () => {
    for (const entry of ['0.0.0.0/0', '::/0', '10.0.0.0/33', '10.1', 'bad', '2001:db8::/129']) {
      expect(envAccepts(entry), entry).toBe(false);
      expect(() => createProxyMatcher([entry]), entry).toThrow();
    }
  });
});

describe('normaliseAddress', () => {
  it('writes IPv4-mapped IPv6 as IPv4 and IPv6 in its short lower-case form', () => {
    expect(normaliseAddress('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(normaliseAddress('::FFFF:a00:1')).toBe('10.0.0.1');
    expect(normaliseAddress('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(normaliseAddress('127.0.0.1')).toBe('127.0.0.1');
  });
});
