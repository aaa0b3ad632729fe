/**
 * The regular-expression class JSONata compiles regex literals with (its `RegexEngine` option).
 * `RegExp` backtracks, so `/(a+)+$/` on a crafted string blocks the thread for seconds and no budget
 * can interrupt it. The evaluator uses RE2 by default (`createRe2Engine`, pure JavaScript, linear time,
 * back-references refused); passing `RegExp` is for tests of the difference only.
 */
export type TRegexEngine = new (pattern: RegExp) => { exec(input: string): RegExpExecArray | null; lastIndex: number };
