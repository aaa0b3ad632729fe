import { describe, expect, it } from 'vitest';

import { normaliseResult, utf8Length } from './normalise-result';

describe('normaliseResult', () => {
  it('copies null-prototype objects and flagged arrays into plain JSON', () => {
    const object = Object.assign(Object.create(null) as object, { a: 1 });
    const sequence = Object.assign([1, 2], { sequence: true });
    const result = normaliseResult({ object, sequence }, 1_000);
    expect(result).toEqual({ object: { a: 1 }, sequence: [1, 2] });
    expect(Object.keys((result as { sequence: number[] }).sequence)).toEqual(['0', '1']);
  });

  it('counts bytes, not characters, against the limit', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(() => normaliseResult('€'.repeat(400), 1_000)).toThrow(/larger than 1000 bytes/);
    expect(normaliseResult('a'.repeat(400), 1_000)).toBe('a'.repeat(400));
  });
});
