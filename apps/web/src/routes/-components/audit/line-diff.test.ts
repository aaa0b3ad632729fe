import { describe, expect, it } from 'vitest';

import { lineDiff, MAX_DIFF_LINES, withContext } from './line-diff';

describe('lineDiff', () => {
  it('keeps common lines and marks removals before additions in order', () => {
    expect(lineDiff('a\nb\nc\nd', 'a\nx\nc\nd\ne')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'del', text: 'b' },
      { op: 'add', text: 'x' },
      { op: 'same', text: 'c' },
      { op: 'same', text: 'd' },
      { op: 'add', text: 'e' },
    ]);
  });

  it('handles empty sides and identical texts', () => {
    expect(lineDiff('same', 'same')).toEqual([{ op: 'same', text: 'same' }]);
    expect(lineDiff('', 'a')).toEqual([
      { op: 'del', text: '' },
      { op: 'add', text: 'a' },
    ]);
  });

  it('refuses texts past the size limit instead of building a huge table', () => {
    expect(lineDiff('x\n'.repeat(MAX_DIFF_LINES + 1), 'y')).toBeNull();
  });

  it('collapses long unchanged runs around changes into gaps', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const after = before.replace('l10', 'changed');
    const shown = withContext(lineDiff(before, after)!, 2);
    expect(shown[0]).toEqual({ op: 'gap', count: 8 });
    expect(shown.filter((l) => l.op === 'del' || l.op === 'add')).toEqual([
      { op: 'del', text: 'l10' },
      { op: 'add', text: 'changed' },
    ]);
    expect(shown.at(-1)).toEqual({ op: 'gap', count: 7 });
  });
});
