import { describe, expect, it } from 'vitest';

import { maskValues } from './mask-values';

describe('maskValues', () => {
  it('masks each value as is, URL-encoded and JSON-escaped, in strings and keys at any depth', () => {
    const secret = 'a b/"c"';
    const value = {
      url: `https://x.test/${encodeURIComponent(secret)}?k=${encodeURI(secret)}`,
      nested: [{ text: `raw ${secret}`, json: JSON.stringify({ s: secret }) }],
      [secret]: true,
    };
    const masked = maskValues(value, [secret]);
    expect(JSON.stringify(masked)).not.toContain('a b');
    expect(masked.url).toBe('https://x.test/••••?k=••••');
    expect(masked.nested[0]).toEqual({ text: 'raw ••••', json: '{"s":"••••"}' });
    expect(Object.keys(masked)).toEqual(['url', 'nested', '••••']);
  });

  it('returns the value itself when there is nothing to mask', () => {
    const value = { a: 1 };
    expect(maskValues(value, [])).toBe(value);
    expect(maskValues(7, ['x'])).toBe(7);
  });
});
