import { UserError } from '../../errors';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** A reviver costs a call per value: only bodies that may hold a forbidden key (or any \u escape) pay for it. */
const MENTIONS_FORBIDDEN = /"(?:__proto__|constructor|prototype)"|\\u/;
const dropForbidden = (key: string, v: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : v);

/**
 * Parses a webhook body as JSON: clear errors for empty, invalid UTF-8 and invalid JSON, prototype keys
 * dropped, and a nesting limit so a deeply nested body cannot exhaust the stack later.
 */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) {
    throw new UserError('INVALID_JSON', 'the body is empty; expected JSON');
  }
  let text: string;
  try {
    text = UTF8.decode(raw);
  } catch {
    throw new UserError('INVALID_JSON', 'the body is not valid UTF-8');
  }
  let value: unknown;
  try {
    value = MENTIONS_FORBIDDEN.test(text) ? JSON.parse(text, dropForbidden) : JSON.parse(text);
  } catch (err) {
    throw new UserError('INVALID_JSON', `the body is not valid JSON: ${(err as Error).message}`);
  }
  if (depthOf(value, 0) > MAX_DEPTH) {
    throw new UserError('INVALID_JSON', `the body nests deeper than ${MAX_DEPTH} levels`);
  }

  return value;
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
