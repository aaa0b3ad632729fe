/** A field's value as the API takes it: empty = no limit, else a whole number in range (or an error text). */
export function parseLimit(text: string, max: number): { value: number | null } | { error: string } {
  const t = text.trim();
  if (t === '') return { value: null };
  const n = Number(t);
  if (!Number.isInteger(n) || n < 1 || n > max)
    return { error: `a whole number from 1 to ${max.toLocaleString('en')}, or empty for no limit` };

  return { value: n };
}
