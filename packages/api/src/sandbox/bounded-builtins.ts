/**
 * The builtins a bounded expression (`isBoundedAst`) may call, with the number of arguments allowed.
 * Each runs in time linear in its arguments and returns a value no larger than them (a number, a
 * boolean, a slice or recasing of a string, a sub-value of an object), so one call can neither loop
 * nor build a large value. Paths are the only source of arguments that grow with the input, and every
 * string a call builds is still checked against the 1 MB limit by the exit hook.
 *
 * Left out on purpose: `$pad`, `$join`, `$replace`, `$split`, `$match` (build or search by a pattern;
 * the sandbox guards them), `$map`/`$filter`/`$reduce`/`$each`/`$sift`/`$sort`/`$single` (run a
 * function per item), `$distinct` (quadratic), `$eval` (blocked), `$formatNumber`/`$formatInteger`/
 * `$fromMillis`/`$toMillis` and `$now`/`$millis` with a picture (picture strings can ask for wide
 * output), `$string` with `prettify` (indentation grows with depth × size), and `$secret` (bound by a
 * lambda in action fields, so such expressions are never bounded anyway).
 */
export const BOUNDED_BUILTINS: ReadonlyMap<string, readonly [min: number, max: number]> = new Map([
  // Strings: one pass over the string (JSONata counts code points), result at most as long (recasing:
  // a few characters per character, and the exit hook's 1 MB check still applies).
  ['length', [1, 1]],
  ['uppercase', [1, 1]],
  ['lowercase', [1, 1]],
  ['trim', [1, 1]],
  ['substring', [2, 3]],
  ['substringBefore', [2, 2]],
  ['substringAfter', [2, 2]],
  // A substring search (indexOf): with no regex literal in a bounded expression the token is a string.
  ['contains', [2, 2]],
  // JSON text of one value: linear, and the sandbox's `$string` refuses results past the limit before building.
  ['string', [1, 1]],
  ['number', [1, 1]],
  ['boolean', [1, 1]],
  ['not', [1, 1]],
  ['exists', [1, 1]],
  ['type', [1, 1]],
  // Arrays: one pass (a very long array can overflow `Math.max.apply`'s stack: then the sandbox reruns it).
  ['count', [1, 1]],
  ['sum', [1, 1]],
  ['max', [1, 1]],
  ['min', [1, 1]],
  ['average', [1, 1]],
  // Numbers: constant time.
  ['abs', [1, 1]],
  ['floor', [1, 1]],
  ['ceil', [1, 1]],
  ['round', [1, 2]],
  ['sqrt', [1, 1]],
  ['power', [2, 2]],
  // The evaluation's timestamp, without a picture.
  ['now', [0, 0]],
  ['millis', [0, 0]],
  // Objects: the keys (merged through one dictionary for an array), or one key's values.
  ['keys', [1, 1]],
  ['lookup', [2, 2]],
]);
