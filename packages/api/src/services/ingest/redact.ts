/**
 * PII redaction before storage. Paths are JSONPath-like: `$.user.email`, `$.items[*].email`, `$.a.b`.
 * Values are replaced (not hashed), so the original cannot be recovered from the database.
 */
export const REDACTED = '[REDACTED]';

export function parseRedactPaths(spec: string): string[][] {
  return spec
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => /^\$(\.[A-Za-z0-9_-]+|\[\*\])+$/.test(s))
    .map((s) =>
      s
        .slice(1)
        .match(/\.[A-Za-z0-9_-]+|\[\*\]/g)!
        .map((seg) => (seg === '[*]' ? '*' : seg.slice(1))),
    );
}

/** Mutates `payload` in place (it is a fresh parse of the request) and returns the paths that matched. */
export function redactPayload(payload: unknown, paths: string[][]): string[] {
  const hits: string[] = [];
  const replace = (container: Record<string | number, unknown> | unknown[], key: string | number, at: string) => {
    (container as Record<string | number, unknown>)[key] = REDACTED;
    hits.push(at);
  };
  const visit = (node: unknown, path: string[], at: string) => {
    if (node === null || typeof node !== 'object') return;
    const [head, ...rest] = path;
    if (head === undefined) return;
    if (head === '*') {
      if (!Array.isArray(node)) return;
      node.forEach((item, i) => (rest.length === 0 ? replace(node, i, `${at}[${i}]`) : visit(item, rest, `${at}[${i}]`)));

      return;
    }
    if (!Object.prototype.hasOwnProperty.call(node, head)) return;
    if (rest.length === 0) {
      replace(node as Record<string, unknown>, head, `${at}.${head}`);

      return;
    }
    visit((node as Record<string, unknown>)[head], rest, `${at}.${head}`);
  };
  for (const path of paths) visit(payload, path, '$');

  return hits;
}
