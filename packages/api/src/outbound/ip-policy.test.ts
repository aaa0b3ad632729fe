import { describe, expect, it } from 'vitest';

import { createAllowlist, isBlockedAddress, normaliseAddress } from './ip-policy';

describe('isBlockedAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback /8'],
    ['127.1', 'short form'],
    ['0x7f000001', 'hex dword'],
    ['2130706433', 'decimal dword'],
    ['0177.0.0.1', 'octal'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'this network 0/8'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'metadata / link-local'],
    ['169.254.170.2', 'ECS metadata'],
    ['100.64.0.1', 'CGNAT'],
    ['100.100.100.200', 'Alibaba metadata (CGNAT)'],
    ['192.0.0.192', 'reserved'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved class E'],
    ['::1', 'IPv6 loopback'],
    ['[::1]', 'bracketed'],
    ['::', 'IPv6 unspecified'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:0:7f00:1', 'IPv4-translated'],
    ['::7f00:1', 'IPv4-compatible'],
    ['64:ff9b::7f00:1', 'NAT64 embedding loopback'],
    ['2002:7f00:1::', '6to4 embedding loopback'],
    ['2001:0:7f00:1::', 'teredo'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local with zone'],
    ['fc00::1', 'unique local'],
    ['fd00:ec2::254', 'AWS IPv6 metadata'],
    ['ff02::1', 'multicast'],
    ['not-an-ip', 'unparseable fails closed'],
    ['', 'empty fails closed'],
  ])('blocks %s (%s)', (ip) => {
    expect(isBlockedAddress(ip)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.215.14', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows public %s', (ip) => {
    expect(isBlockedAddress(ip)).toBe(false);
  });

  it('normalises every literal form to one canonical address', () => {
    for (const form of ['127.1', '0x7f000001', '2130706433', '0177.0.0.1', '[::ffff:127.0.0.1]']) {
      expect(normaliseAddress(form)).toBe('127.0.0.1');
    }
    expect(normaliseAddress('example.com')).toBeNull();
  });
});

describe('createAllowlist', () => {
  const allowlist = createAllowlist(['127.0.0.2', '10.0.0.0/8', 'api.internal', '*.corp.test', 'fd12::/16', ' ']);

  it('matches exact IPs in any literal form, and only those', () => {
    expect(allowlist.allows('127.0.0.2')).toBe(true);
    expect(allowlist.allows('[::ffff:127.0.0.2]')).toBe(true);
    expect(allowlist.allows('0x7f000002')).toBe(true);
    expect(allowlist.allows('127.0.0.1')).toBe(false);
  });

  it('matches CIDRs, for a literal host or for the resolved address of a name', () => {
    expect(allowlist.allows('10.9.8.7')).toBe(true);
    expect(allowlist.allows('db.example', '10.1.1.1')).toBe(true);
    expect(allowlist.allows('db.example', '11.1.1.1')).toBe(false);
    expect(allowlist.allows('fd12:3::1')).toBe(true);
    expect(allowlist.allows('fd13::1')).toBe(false);
  });

  it('matches names exactly (case and trailing dot ignored) and *.suffix for sub-domains only', () => {
    expect(allowlist.allows('API.internal.', '127.0.0.1')).toBe(true);
    expect(allowlist.allows('x.api.internal', '127.0.0.1')).toBe(false);
    expect(allowlist.allows('a.b.corp.test', '127.0.0.1')).toBe(true);
    expect(allowlist.allows('corp.test', '127.0.0.1')).toBe(false);
    expect(allowlist.allows('evilcorp.test', '127.0.0.1')).toBe(false);
  });

  it('an empty list allows nothing; invalid entries fail at construction', () => {
    expect(createAllowlist([]).allows('127.0.0.1')).toBe(false);
    expect(() => createAllowlist(['10.0.0.0/99'])).toThrow(/allow-list entry/);
    expect(() => createAllowlist(['*'])).toThrow(/allow-list entry/);
    expect(() => createAllowlist(['http://x.test/'])).toThrow(/allow-list entry/);
    expect(() => createAllowlist(['api.internal:70000'])).toThrow(/out of range/);
    expect(() => createAllowlist(['api.internal:'])).toThrow(/allow-list entry/);
  });
});

describe('createAllowlist ports', () => {
  const allowlist = createAllowlist(['api.internal', 'svc.internal:8443', '127.0.0.2:*', '10.0.0.0/8:5432', '[fd12::1]:9000', 'fd12::2']);

  it('an entry without a port admits 80 and 443 only', () => {
    expect(allowlist.allows('api.internal', '10.1.1.1', 80)).toBe(true);
    expect(allowlist.allows('api.internal', '10.1.1.1', 443)).toBe(true);
    expect(allowlist.allows('api.internal', '10.1.1.1', 22)).toBe(false);
    expect(allowlist.allows('fd12::2', undefined, 443)).toBe(true);
    expect(allowlist.allows('fd12::2', undefined, 8080)).toBe(false);
  });

  it('host:port admits that port only; host:* every port', () => {
    expect(allowlist.allows('svc.internal', '192.168.1.1', 8443)).toBe(true);
    expect(allowlist.allows('svc.internal', '192.168.1.1', 443)).toBe(false);
    expect(allowlist.allows('127.0.0.2', undefined, 1)).toBe(true);
    expect(allowlist.allows('127.0.0.2', undefined, 65_535)).toBe(true);
  });

  it('CIDR:port and [v6]:port', () => {
    expect(allowlist.allows('db.example', '10.2.3.4', 5432)).toBe(true);
    expect(allowlist.allows('db.example', '10.2.3.4', 5433)).toBe(false);
    expect(allowlist.allows('[fd12::1]', undefined, 9000)).toBe(true);
    expect(allowlist.allows('[fd12::1]', undefined, 443)).toBe(false);
  });
});
