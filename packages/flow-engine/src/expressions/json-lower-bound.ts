/** JSONata's function values (lambdas, builtins), which results drop as JSON drops functions. */
export const isJsonataFunction = (value: unknown) =>
  typeof value === 'object' && value !== null && ('_jsonata_lambda' in value || '_jsonata_function' in value);

/** Values JSON leaves out of an object (and writes as `null` in an array), or whose text it cannot know here. */
function opaque(value: unknown): boolean {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || isJsonataFunction(value)) return true;
  if (typeof value !== 'object' || value === null) return false;

  return (
    typeof (value as { toJSON?: unknown }).toJSON === 'function' ||
    value instanceof String ||
    value instanceof Number ||
    value instanceof Boolean
  );
}

/** Characters `value` certainly adds to the JSON text, and the values inside it still to count. */
function visit(value: unknown, stack: unknown[]): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === 'boolean' || value === null) return 4;
  if (typeof value !== 'object' || opaque(value)) return 0;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) stack.push(item);

    return 2 + Math.max(0, value.length - 1);
  }
  // `{}`, then `"key":` per entry and the commas between entries.
  let size = 1;
  for (const [key, item] of Object.entries(value)) {
    if (opaque(item)) continue;
    size += key.length + 4;
    stack.push(item);
  }

  return Math.max(2, size);
}

/**
 * Whether the JSON text of `value` is certainly longer than `limit` characters. It counts a lower bound
 * (escapes, what `toJSON` would write and the `null` of dropped array items are left out) and stops as soon as that
 * bound passes `limit`, so it walks at most about `limit` values however large the value would print:
 * a result that holds the same large object many times is refused before `JSON.stringify` builds it.
 */
export function jsonLongerThan(value: unknown, limit: number): boolean {
  const stack: unknown[] = [value];
  let size = 0;
  while (stack.length > 0) {
    size += visit(stack.pop(), stack);
    if (size > limit) return true;
  }

  return false;
}
