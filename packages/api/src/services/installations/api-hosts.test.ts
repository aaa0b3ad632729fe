import { describe, expect, it } from 'vitest';

import { resolveApiHosts } from './api-hosts';
import { createClockifyHostPolicy, isNonPublicHost } from './clockify-hosts';

describe('Clockify hosts', () => {
  const trusts = (url: string) => createClockifyHostPolicy([]).trusts(new URL(url));

  it("trusts Clockify's global and regional hosts over https only", () => {
    for (const host of ['api.clockify.me', 'euc1.clockify.me', 'use2.clockify.me', 'euw2.clockify.me', 'apse2.clockify.me']) {
      expect(trusts(`https://${host}/api`), host).toBe(true);
      expect(trusts(`http://${host}/api`), host).toBe(false);
    }
    expect(trusts('https://api.clockify.me.evil.example/api')).toBe(false);
    expect(trusts('https://evil.example/api.clockify.me')).toBe(false);
  });

  it('trusts allow-list entries: host:port on that port, host:* on every port, a bare host on 80 and 443', () => {
    const wide = createClockifyHostPolicy(['127.0.0.1:4010', 'sim.internal:*', '[::1]:9000', 'bare.internal']);
    const ok = (url: string) => wide.trusts(new URL(url));
    expect(ok('http://127.0.0.1:4010/api')).toBe(true);
    expect(ok('http://127.0.0.1:4011/api')).toBe(false);
    expect(ok('http://0x7f000001:4010/api')).toBe(true);
    expect(ok('http://sim.internal:1234/api')).toBe(true);
    expect(ok('http://[::1]:9000/api')).toBe(true);
    expect(ok('http://[::1]:9001/api')).toBe(false);
    expect(ok('https://bare.internal/api')).toBe(true);
    expect(ok('http://bare.internal:8080/api')).toBe(false);
  });

  it('names UW_CLOCKIFY_API_ALLOWLIST when an entry is not valid', () => {
    for (const bad of ['http://x', 'a b', 'host:99999']) {
      expect(() => createClockifyHostPolicy([bad]), bad).toThrow(/^UW_CLOCKIFY_API_ALLOWLIST: /);
    }
  });

  it('knows loopback, private and metadata literals and localhost as non-public', () => {
    for (const url of [
      'http://localhost:1',
      'http://a.localhost',
      'http://127.0.0.2',
      'http://[::1]',
      'http://10.1.2.3',
      'http://169.254.169.254',
    ]) {
      expect(isNonPublicHost(new URL(url)), url).toBe(true);
    }
    expect(isNonPublicHost(new URL('https://api.clockify.me'))).toBe(false);
  });
});

describe('resolveApiHosts', () => {
  const strict = createClockifyHostPolicy([]);

  it("takes the token's backendUrl and reportsUrl claims over the body's apiUrl", () => {
    const claims = { backendUrl: 'https://euc1.clockify.me/api/', reportsUrl: 'https://euc1.clockify.me/report' };
    expect(resolveApiHosts(strict, claims, 'https://api.clockify.me/api')).toEqual({
      apiUrl: 'https://euc1.clockify.me/api',
      reportsUrl: 'https://euc1.clockify.me/report',
    });
  });

  it("uses the body's apiUrl only for a Clockify or allow-listed host", () => {
    expect(resolveApiHosts(strict, {}, 'https://api.clockify.me/api')).toEqual({
      apiUrl: 'https://api.clockify.me/api',
      reportsUrl: 'https://api.clockify.me/api',
    });
    expect(() => resolveApiHosts(strict, {}, 'http://127.0.0.1:9/api')).toThrow(/nor in UW_CLOCKIFY_API_ALLOWLIST/);
    expect(() => resolveApiHosts(strict, {}, 'https://attacker.example/api')).toThrow(/neither a Clockify API host/);
    expect(() => resolveApiHosts(strict, {}, undefined)).toThrow(/no backendUrl claim and the body no apiUrl/);
    const sim = createClockifyHostPolicy(['127.0.0.1:9']);
    expect(resolveApiHosts(sim, {}, 'http://127.0.0.1:9/api').apiUrl).toBe('http://127.0.0.1:9/api');
  });

  it('refuses claims that point at non-public addresses nobody allow-listed', () => {
    expect(() => resolveApiHosts(strict, { backendUrl: 'http://127.0.0.1:9/api' }, undefined)).toThrow(
      /backendUrl claim points at a non-public/,
    );
    expect(() => resolveApiHosts(strict, { backendUrl: 'https://api.clockify.me/api', reportsUrl: 'http://10.0.0.5' }, undefined)).toThrow(
      /reportsUrl claim/,
    );
    expect(() => resolveApiHosts(strict, { backendUrl: 'ftp://api.clockify.me' }, undefined)).toThrow(/http\(s\) URL/);
  });
});
