/**
 * Paths into the data a node can use (`payload.project.name`, `steps.tag.body.id`, `$item.id`): the
 * references an expression makes, which of them the sample does not have, and the data's shape.
 */
export const ROOTS = ['payload', 'steps', 'event', 'headers', 'workspace'] as const;

/** A segment written the way JSONata reads it: plain names bare, others in backticks. */
export function segmentText(name: string): string {
  return /^[A-Za-z_][\w]*$/.test(name) ? name : `\`${name.replace(/`/g, '')}\``;
}

/** `['payload', 'project', 'name']` → `payload.project.name`. */
export function joinPath(segments: readonly string[]): string {
  return segments.map((s, i) => (i === 0 ? s : segmentText(s))).join('.');
}

export type TValueType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

export function typeOf(value: unknown): TValueType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';

  return typeof value === 'object' ? 'object' : (typeof value as TValueType);
}

/** Blanks string literals and comments (same length) so references are only found in code. */
export function codeOnly(expression: string): string {
  return expression
    .replace(/\/\*[\s\S]*?\*\//g, (m) => ' '.repeat(m.length))
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, (m) => ' '.repeat(m.length));
}

const SEGMENT = String.raw`(?:[A-Za-z_$][\w$]*|\x60[^\x60]+\x60)`;
const REFERENCE = new RegExp(String.raw`(?<![\w$.\x60])(\$item|${ROOTS.join('|')})((?:\s*\.\s*${SEGMENT})*)`, 'g');

/** Each path an expression reads from the context, as segments (`$item` stays a root). */
export function referencesIn(expression: string): string[][] {
  const out: string[][] = [];
  for (const m of codeOnly(expression).matchAll(REFERENCE)) {
    const rest = (m[2] ?? '').split('.').map((s) => s.trim().replace(/^`|`$/g, ''));
    out.push([m[1] as string, ...rest.filter((s) => s !== '')]);
  }

  return out;
}

/** JSONata maps over arrays: a key of an array is the key of its items. */
function child(value: unknown, key: string): { found: boolean; value: unknown } {
  if (Array.isArray(value)) {
    const items = value.map((v) => child(v, key)).filter((c) => c.found);

    return items.length > 0 ? { found: true, value: items[0]?.value } : { found: value.length === 0, value: undefined };
  }
  if (value !== null && typeof value === 'object') {
    return key in value ? { found: true, value: (value as Record<string, unknown>)[key] } : { found: false, value: undefined };
  }

  // Below a null or scalar the sample cannot tell.
  return { found: true, value: undefined };
}

/** The keys a value offers for the next segment (an array's: its first object item's). */
export function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return keysOf(value.find((v) => v !== null && typeof v === 'object'));

  return value !== null && typeof value === 'object' ? Object.keys(value) : [];
}

/** The value at a path of the data, or `undefined`. */
export function valueAt(data: unknown, segments: readonly string[]): unknown {
  return segments.reduce<unknown>((v, key) => child(v, key).value, data);
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const keep = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }

  return row[b.length] as number;
}

export type TPathWarning = { path: string; missing: string; suggestion?: string; message: string };

/**
 * The references of an expression the sample data does not have (`payload.projct.name`): warnings,
 * never errors (a sample need not hold every optional field). Roots whose data is unknown are skipped:
 * `known` lists the roots the sample speaks for (e.g. no `steps.x` before a test run or a schema).
 */
export function missingPaths(expression: string, data: Record<string, unknown>, known: ReadonlySet<string>): TPathWarning[] {
  const warnings: TPathWarning[] = [];
  for (const segments of referencesIn(expression)) {
    const [root, ...rest] = segments as [string, ...string[]];
    const scope = root === 'steps' ? `steps.${rest[0] ?? ''}` : root;
    if (!known.has(root === 'steps' && rest.length === 0 ? 'steps' : scope)) continue;
    let value: unknown = data[root];
    for (let i = 0; i < rest.length; i += 1) {
      const key = rest[i] as string;
      const next = child(value, key);
      if (!next.found) {
        const options = keysOf(value);
        const best = options.map((o) => ({ o, d: distance(o.toLowerCase(), key.toLowerCase()) })).sort((x, y) => x.d - y.d)[0];
        const suggestion = best && best.d <= 2 ? best.o : undefined;
        const path = joinPath([root, ...rest.slice(0, i + 1)]);
        const where = joinPath([root, ...rest.slice(0, i)]);
        warnings.push({
          path,
          missing: key,
          suggestion,
          message: `${path}: the sample has no “${key}” in ${where}${suggestion ? ` (did you mean “${suggestion}”?)` : ''}`,
        });
        break;
      }
      value = next.value;
    }
  }

  return warnings;
}
