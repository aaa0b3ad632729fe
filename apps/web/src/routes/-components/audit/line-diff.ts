export type TDiffLine = { op: 'same' | 'add' | 'del'; text: string };

/** Beyond this many lines on either side the diff is not computed (the table would be n × m). */
export const MAX_DIFF_LINES = 3_000;

/**
 * A line diff by longest common subsequence: what was removed from `before` and added in `after`, in order.
 * Flow definitions are a few hundred lines at most, so the quadratic table is fine; past MAX_DIFF_LINES it returns null.
 */
export function lineDiff(before: string, after: string): TDiffLine[] | null {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length > MAX_DIFF_LINES || b.length > MAX_DIFF_LINES) return null;
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: TDiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i++]! });
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) out.push({ op: 'del', text: a[i++]! });
    else out.push({ op: 'add', text: b[j++]! });
  }
  while (i < a.length) out.push({ op: 'del', text: a[i++]! });
  while (j < b.length) out.push({ op: 'add', text: b[j++]! });

  return out;
}

/** The changed lines with `context` unchanged lines around each change; long unchanged runs become one gap marker. */
export function withContext(lines: TDiffLine[], context = 3): (TDiffLine | { op: 'gap'; count: number })[] {
  const keep = lines.map(() => false);
  lines.forEach((l, k) => {
    if (l.op === 'same') return;
    for (let x = Math.max(0, k - context); x <= Math.min(lines.length - 1, k + context); x++) keep[x] = true;
  });
  const out: (TDiffLine | { op: 'gap'; count: number })[] = [];
  let skipped = 0;
  lines.forEach((l, k) => {
    if (keep[k]) {
      if (skipped > 0) out.push({ op: 'gap', count: skipped });
      skipped = 0;
      out.push(l);
    } else skipped++;
  });
  if (skipped > 0) out.push({ op: 'gap', count: skipped });

  return out;
}
