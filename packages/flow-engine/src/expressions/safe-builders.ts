import jsonata from 'jsonata';

import { ExpressionError } from '../errors';

type TBuiltin = { implementation: (...args: unknown[]) => unknown };
type TMatch = { match: string; groups: string[]; next(): TMatch | undefined | Promise<TMatch | undefined> };
/** A regex reaches a builtin wrapped by JSONata in an async function. */
type TMatcher = (str: string) => Promise<TMatch | undefined>;
export type TGuardedBuiltin = { name: string; implementation: (this: unknown, ...args: unknown[]) => unknown; signature: string };

let builtins: Promise<Record<string, TBuiltin>> | undefined;

/** JSONata's own `$string`, `$join` and `$replace` (function objects are values in JSONata), loaded once. */
function loadBuiltins(): Promise<Record<string, TBuiltin>> {
  builtins ??= jsonata('{ "string": $string, "join": $join, "replace": $replace }').evaluate({}) as Promise<Record<string, TBuiltin>>;

  return builtins;
}

const tooLarge = (name: string, limit: number) =>
  new ExpressionError('EXPRESSION_LIMIT', `$${name} would build more than ${limit} characters`);

/** Whether the JSON text of `value` (indented when `indent`) is at least `limit` characters, stopping early. */
export function jsonReaches(value: unknown, limit: number, indent: boolean): boolean {
  let size = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: item, depth } = stack.pop()!;
    if (typeof item === 'string') size += item.length + 2;
    else if (typeof item === 'number' || typeof item === 'boolean') size += String(item).length;
    else if (item === null) size += 4;
    else if (typeof item === 'object') {
      const entries = Array.isArray(item) ? item : Object.entries(item);
      size += 2 + (indent ? (entries.length + 1) * (depth * 2 + 1) : 0);
      for (const entry of entries) {
        if (Array.isArray(item)) stack.push({ value: entry, depth: depth + 1 });
        else {
          const [key, child] = entry as [string, unknown];
          size += key.length + 4;
          stack.push({ value: child, depth: depth + 1 });
        }
      }
    }
    if (size >= limit) return true;
  }

  return false;
}

/**
 * An upper bound of `$replace`'s result length, found by counting the matches first (linear, with RE2);
 * counting stops as soon as the bound passes `maxLength`.
 */
async function replaceBound(
  call: { str: string; pattern: unknown; replacement: string; limit: number | undefined },
  maxLength: number,
): Promise<number | undefined> {
  const { str, pattern, replacement, limit } = call;
  const dollars = replacement.split('$').length - 1;
  const most = limit === undefined ? Infinity : Math.max(0, Math.trunc(limit));
  let bound = str.length;
  let count = 0;
  if (typeof pattern === 'string') {
    for (let at = str.indexOf(pattern); at !== -1 && count < most && bound <= maxLength; at = str.indexOf(pattern, at + pattern.length)) {
      count += 1;
      bound += replacement.length + dollars * pattern.length;
    }

    return bound;
  }
  if (typeof pattern !== 'function') return undefined;
  for (let match = await (pattern as TMatcher)(str); match && count < most && bound <= maxLength; match = await match.next()) {
    count += 1;
    const longest = Math.max(match.match.length, ...match.groups.map((group) => group?.length ?? 0));
    bound += replacement.length + dollars * longest;
    if (match.match === '') break;
  }

  return bound;
}

/**
 * `$string`, `$join` and `$replace` with JSONata's own semantics, each refusing (EXPRESSION_LIMIT) before
 * building a string longer than `maxLength`: like `$pad`, each builds its result in one synchronous call
 * that the evaluation hooks cannot interrupt (`$join` of 100,000 references to one 1 MB string).
 */
export function createGuardedBuiltins(maxLength: number): TGuardedBuiltin[] {
  const wrap = (name: string, signature: string, check: (args: unknown[]) => boolean | Promise<boolean>): TGuardedBuiltin => ({
    name,
    signature,
    async implementation(this: unknown, ...args: unknown[]) {
      if (await check(args)) throw tooLarge(name, maxLength);
      const original = await loadBuiltins();

      return original[name]!.implementation.apply(this, args);
    },
  });

  // Signatures as JSONata 2.2 declares them.
  return [
    wrap(
      'string',
      '<x-b?:s>',
      ([value, prettify]) => typeof value === 'object' && value !== null && jsonReaches(value, maxLength, prettify === true),
    ),
    wrap('join', '<a<s>s?:s>', ([strs, separator]) => {
      if (!Array.isArray(strs)) return false;
      const sep = typeof separator === 'string' ? separator.length : 0;
      let total = Math.max(0, strs.length - 1) * sep;
      for (const item of strs) total += typeof item === 'string' ? item.length : 0;

      return total > maxLength;
    }),
    wrap('replace', '<s-(sf)(sf)n?:s>', async ([str, pattern, replacement, limit]) => {
      if (typeof str !== 'string' || typeof replacement !== 'string' || pattern === '') return false;
      const bound = await replaceBound({ str, pattern, replacement, limit: typeof limit === 'number' ? limit : undefined }, maxLength);

      return bound !== undefined && bound > maxLength;
    }),
  ];
}
