import { describe, expect, it } from 'vitest';

import { jsonLongerThan } from './json-lower-bound';
import { normaliseResult } from './normalise-result';

const lengthOf = (value: unknown) => JSON.stringify(value).length;

describe('jsonLongerThan', () => {
  it('counts plain JSON data exactly', () => {
    const values = ['', 'abc', 0, 12345, true, null, [], {}, [1, 'a', [null]], { a: 1, bc: { d: [true, 'x'] }, e: {} }];
    for (const value of values) {
      expect(jsonLongerThan(value, lengthOf(value) - 1), JSON.stringify(value)).toBe(true);
      expect(jsonLongerThan(value, lengthOf(value)), JSON.stringify(value)).toBe(false);
    }
  });

  it('never counts more than JSON.stringify writes', () => {
    const values = [
      { dropped: undefined, fn: () => 1, lambda: { _jsonata_lambda: true }, kept: 1 },
      [undefined, () => 1, Symbol('s')],
      { when: new Date(0), boxed: new String('abc'), quote: '"\\\n' },
      [Number.NaN, Infinity, 1e21],
    ];
    for (const value of values) expect(jsonLongerThan(value, lengthOf(value)), String(lengthOf(value))).toBe(false);
  });

  it('stops at the limit: many references to one large object are refused without printing them', () => {
    const large = { text: 'x'.repeat(1_000_000) };
    const repeated = Array.from({ length: 2_000 }, () => large);
    const startedAt = performance.now();
    expect(jsonLongerThan(repeated, 5_000_000)).toBe(true);
    expect(() => normaliseResult(repeated, 5_000_000)).toThrow(/larger than 5000000 bytes/);
    expect(performance.now() - startedAt).toBeLessThan(200);
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(jsonLongerThan(cyclic, 1_000)).toBe(true);
  });
});
