import { UserError } from '../../errors';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_DEPTH = 64;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/**
 * A reviver costs a call per value: only bodies that may hold a forbidden key or an escape pay for it. NUL and
 * lone surrogates can only arrive as \u escapes (raw control characters are invalid JSON and invalid UTF-8 is
 * refused before), so the same bodies are the only ones that need checking for text no database can store.
 */
const NEEDS_REVIVER = /"(?:__proto__|constructor|prototype)"|\\u/;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (code units, no `u` flag). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What in `text` no database can store (null when all is well): PostgreSQL's jsonb refuses \u0000 and unpaired
 * surrogates; refusing them here keeps both dialects alike.
 */
export function unstorablePart(text: string): string | null {
  if (text.includes('\u0000')) return 'a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'an unpaired UTF-16 surrogate (such as \\ud800 alone)';

  return null;
}

function revive(key: string, value: unknown): unknown {
  const found = unstorablePart(key) ?? (typeof value === 'string' ? unstorablePart(value) : null);
  if (found) {
    throw new UserError('INVALID_JSON', `the body holds ${found}, which is not storable text; remove or replace it`);
  }

  return FORBIDDEN_KEYS.has(key) ? undefined : value;
}

/**
 * Parses a webhook body as JSON: clear errors for empty, invalid UTF-8 and invalid JSON, prototype keys
 * dropped, NUL characters and unpaired surrogates refused (valid JSON, but not storable text), and a nesting
 * limit so a deeply nested body cannot exhaust the stack later.
 */
export function parseJsonBody(raw: Buffer): unknown {
  return parseJsonText(raw).value;
}

/**
 * Numbers JavaScript would round or overflow (an exponent, 16 digits or more): as text PostgreSQL would keep
 * them exactly, expanding `1e131071` to that many digits or refusing `1e999999`, so such bodies are serialised
 * from the parsed value instead (a false match only costs that serialisation).
 */
const BEYOND_DOUBLE = /\d[eE]|\d{16}/;

/**
 * `parseJsonBody` with the text it parsed: `exact` when the text is already the payload's JSON (stored as
 * jsonb it is the same value), so it need not be serialised again: no reviver ran (nothing dropped) and no
 * number is beyond what the parsed value holds.
 */
export function parseJsonText(raw: Buffer): { value: unknown; text: string; exact: boolean } {
  if (raw.length === 0) {
    throw new UserError('INVALID_JSON', 'the body is empty; expected JSON');
  }
  let text: string;
  try {
    text = UTF8.decode(raw);
  } catch {
    throw new UserError('INVALID_JSON', 'the body is not valid UTF-8');
  }
  const revived = NEEDS_REVIVER.test(text);
  let value: unknown;
  try {
    value = revived ? JSON.parse(text, revive) : JSON.parse(text);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError('INVALID_JSON', `the body is not valid JSON: ${(err as Error).message}`);
  }
  if (mayNestDeeper(text) && depthOf(value, 0) > MAX_DEPTH) {
    throw new UserError('INVALID_JSON', `the body nests deeper than ${MAX_DEPTH} levels`);
  }

  return { value, text, exact: !revived && !BEYOND_DOUBLE.test(text) };
}

/** Whether the text opens more objects and arrays than `MAX_DEPTH` (else it cannot nest deeper): a native scan, no walk. */
function mayNestDeeper(text: string): boolean {
  let opened = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) {
      if (++opened > MAX_DEPTH) return true;
    }
  }

  return false;
}

function depthOf(value: unknown, depth: number): number {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return depth;
  let max = depth;
  for (const child of Object.values(value)) {
    max = Math.max(max, depthOf(child, depth + 1));
    if (max > MAX_DEPTH) break;
  }

  return max;
}
