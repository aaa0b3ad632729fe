/** Pure helpers behind the JSON viewer (unit-tested). A path is the list of keys/indexes from the root. */
export type TJsonPath = (string | number)[];
export type TJsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'undefined';

export function kindOf(value: unknown): TJsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'object') return 'object';
  if (t === 'string' || t === 'number' || t === 'boolean') return t;

  return 'undefined';
}

export function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  const kind = kindOf(value);

  return kind === 'object' || kind === 'array';
}

/** The children of an object or array, in order; nothing for a primitive. */
export function childEntries(value: unknown): [string | number, unknown][] {
  if (Array.isArray(value)) return value.map((v, i) => [i, v]);
  if (isContainer(value)) return Object.entries(value);

  return [];
}

/** A short summary shown next to a collapsed node: `{3 keys}`, `[1 item]`. */
export function summarize(value: unknown): string {
  const n = childEntries(value).length;
  if (Array.isArray(value)) return `[${n} ${n === 1 ? 'item' : 'items'}]`;
  if (isContainer(value)) return `{${n} ${n === 1 ? 'key' : 'keys'}}`;

  return formatPrimitive(value);
}

export function formatPrimitive(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);

  return String(value);
}

/** A stable string id for a path (also its JSONata-style label: `$.items[0].name`). */
export function pathToString(path: TJsonPath): string {
  return path.reduce<string>((acc, seg) => {
    if (typeof seg === 'number') return `${acc}[${seg}]`;

    return /^[A-Za-z_$][\w$]*$/.test(seg) ? `${acc}.${seg}` : `${acc}[${JSON.stringify(seg)}]`;
  }, '$');
}

/** The paths of every container down to `depth` levels (0 = only the root), for the initial state. */
export function expandedToDepth(value: unknown, depth: number, path: TJsonPath = []): Set<string> {
  const out = new Set<string>();
  if (!isContainer(value) || depth < 0) return out;
  out.add(pathToString(path));
  for (const [key, child] of childEntries(value)) {
    for (const p of expandedToDepth(child, depth - 1, [...path, key])) out.add(p);
  }

  return out;
}

/** Every container path (for "Expand all"), at most `limit` of them so huge payloads stay fast. */
export function allContainerPaths(value: unknown, limit = 5_000): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, path: TJsonPath) => {
    if (!isContainer(v) || out.size >= limit) return;
    out.add(pathToString(path));
    for (const [key, child] of childEntries(v)) walk(child, [...path, key]);
  };
  walk(value, []);

  return out;
}

export function togglePath(expanded: ReadonlySet<string>, path: string): Set<string> {
  const next = new Set(expanded);
  if (next.has(path)) next.delete(path);
  else next.add(path);

  return next;
}
