import { describe, expect, it } from 'vitest';

import { parseLimit } from './parse-limit';

describe('parseLimit', () => {
  it('reads empty as no limit and a whole number in range as itself', () => {
    expect(parseLimit('  ', 1000)).toEqual({ value: null });
    expect(parseLimit('1', 1000)).toEqual({ value: 1 });
    expect(parseLimit(' 1000 ', 1000)).toEqual({ value: 1000 });
  });

  it('refuses zero, fractions, text and values past the maximum with the range in words', () => {
    for (const text of ['0', '-3', '2.5', 'ten', '1001'])
      expect(parseLimit(text, 1000)).toEqual({ error: 'a whole number from 1 to 1,000, or empty for no limit' });
  });
});
