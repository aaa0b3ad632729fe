/**
 * The regular-expression class JSONata compiles regex literals with (its `RegexEngine` option).
 * `RegExp` backtracks, so `/(a+)+$/` on a crafted string blocks the thread for seconds and no budget
 * can interrupt it. The server must pass RE2 (the `re2` package's default export), which runs in linear time and
 * rejects back-references; the browser falls back to `RegExp` (previews only, never untrusted runs).
 */
export type TRegexEngine = new (pattern: RegExp) => { exec(input: string): RegExpExecArray | null; lastIndex: number };
