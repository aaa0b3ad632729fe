import { describe, expect, it } from 'vitest';

import { buildFirstHop, nextHop, redirectLocation } from './build-request';
import { parseRetryAfter } from './outbound-errors';

const first = () =>
  buildFirstHop(
    {
      method: 'post',
      url: 'https://a.test/x?token=1#frag',
      headers: { Authorization: 'Bearer t', 'X-Api-Key': 'k', Connection: 'close', 'Content-Length': '9', Accept: '*/*' },
      body: { a: 1 },
      idempotencyKey: 'k-1',
    },
    'ua/1',
  );

describe('buildFirstHop', () => {
  it('normalises method and header names, drops transport headers, encodes JSON, sets the key', () => {
    const hop = first();
    expect(hop.method).toBe('POST');
    expect(hop.url.href).toBe('https://a.test/x?token=1');
    expect(hop.headers).toEqual({
      authorization: 'Bearer t',
      'x-api-key': 'k',
      accept: '*/*',
      'user-agent': 'ua/1',
      'idempotency-key': 'k-1',
      'content-type': 'application/json',
    });
    expect(hop.body).toBe('{"a":1}');
  });

  it('sends strings and bytes as is and refuses unserialisable bodies', () => {
    expect(buildFirstHop({ method: 'PUT', url: 'http://a.test', body: 'raw' }, 'ua').body).toBe('raw');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => buildFirstHop({ method: 'PUT', url: 'http://a.test', body: cyclic }, 'ua')).toThrow(
      expect.objectContaining({ code: 'HTTP_INVALID_REQUEST' }),
    );
  });
});

describe('nextHop', () => {
  it('keeps everything on a same-origin 307 and resolves relative Locations', () => {
    const hop = nextHop(first(), 307, '/y');
    expect([hop.method, hop.url.href, hop.body, hop.headers.authorization]).toEqual(['POST', 'https://a.test/y', '{"a":1}', 'Bearer t']);
  });

  it('strips all but the safe headers when the origin changes (host, port or scheme)', () => {
    for (const location of ['https://b.test/', 'https://a.test:8443/', 'http://a.test/x']) {
      expect(Object.keys(nextHop(first(), 308, location).headers).sort()).toEqual([
        'accept',
        'content-type',
        'idempotency-key',
        'user-agent',
      ]);
    }
  });

  it('303, and 301/302 after POST, become GET without body or content type', () => {
    for (const status of [301, 302, 303]) {
      const hop = nextHop(first(), status, '/z');
      expect([hop.method, hop.body, hop.headers['content-type']]).toEqual(['GET', undefined, undefined]);
    }
  });

  it('refuses Locations with credentials or other schemes', () => {
    expect(() => nextHop(first(), 302, 'https://u:p@b.test/')).toThrow(expect.objectContaining({ code: 'URL_INVALID' }));
    expect(() => nextHop(first(), 302, 'gopher://b.test/')).toThrow(expect.objectContaining({ code: 'URL_SCHEME_NOT_ALLOWED' }));
  });

  it('only follows redirect statuses that carry a Location', () => {
    expect(redirectLocation(302, '/a')).toBe('/a');
    expect(redirectLocation(302, undefined)).toBeUndefined();
    expect(redirectLocation(304, '/a')).toBeUndefined();
    expect(redirectLocation(200, '/a')).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, ignores garbage', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
