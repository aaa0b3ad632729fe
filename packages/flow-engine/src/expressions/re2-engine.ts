import { RE2JS } from 're2js';

import { ExpressionError } from '../errors';
import type { TRegexEngine } from './regex-engine';

export type TRe2EngineLimits = {
  /** Longest string a regex may be run against (UTF-16 code units). */
  maxInputLength: number;
  /**
   * Largest program size × input length one search may cost. RE2 is linear in the input, but the factor is
   * the compiled program's size: `/a{1,1000}a{1,1000}$/` is a 4,000-instruction program, and 100,000
   * characters through it take seconds in JavaScript. Refused before the search starts.
   */
  maxWork: number;
  /**
   * Largest sum of counted repetitions (`{m,n}` counts n) in one regex. Compiling is superlinear in the
   * expanded program (`/a{1,1000}a{1,1000}b/` takes 50–70 ms), and save-time checks compile on the server's
   * main thread, so larger ones are refused before compiling.
   */
  maxRepetition: number;
};

export const RE2_DEFAULT_LIMITS: TRe2EngineLimits = { maxInputLength: 100_000, maxWork: 10_000_000, maxRepetition: 1_000 };

/** Sum of the upper bounds of `{m}`, `{m,}` and `{m,n}` outside character classes (a lexical scan, no compile). */
export function countedRepetition(source: string): number {
  let total = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      i += 1;
    } else if (inClass) {
      inClass = char !== ']';
    } else if (char === '[') {
      inClass = true;
    } else if (char === '{') {
      const bounds = /^\{(\d+)(?:,(\d*))?\}/.exec(source.slice(i, i + 24));
      if (bounds) total += Math.max(Number(bounds[1]), Number(bounds[2] || 0));
    }
  }

  return total;
}

const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

/**
 * A `TRegexEngine` on re2js, a pure-JavaScript port of RE2: matching time is linear in the input (no
 * backtracking), back-references and look-arounds are refused when the regex is compiled, and every
 * search checks its input length and cost first, failing with EXPRESSION_LIMIT instead of blocking.
 * Indexes are UTF-16 code units, as with `RegExp`; `lastIndex` advances as with a global `RegExp`.
 */
export function createRe2Engine(limits: TRe2EngineLimits = RE2_DEFAULT_LIMITS): TRegexEngine {
  // JSONata constructs the engine on every evaluation of a regex literal: keep compiled programs.
  const compiled = new Map<string, RE2JS>();
  const compile = (source: string, flags: number) => {
    const key = `${flags}/${source}`;
    let program = compiled.get(key);
    if (!program) {
      if (countedRepetition(source) > limits.maxRepetition) {
        throw new ExpressionError(
          'EXPRESSION_LIMIT',
          `regular expression /${source}/ repeats more than ${limits.maxRepetition} times in total`,
        );
      }
      program = RE2JS.compile(RE2JS.translateRegExp(source), flags);
      if (compiled.size >= 500) compiled.clear();
      compiled.set(key, program);
    }

    return program;
  };

  return class Re2Regex {
    lastIndex = 0;
    readonly #compiled: RE2JS;
    readonly #source: string;

    constructor(pattern: RegExp) {
      let flags = 0;
      for (const flag of pattern.flags) flags |= FLAG_BITS[flag] ?? 0;
      this.#source = pattern.source;
      this.#compiled = compile(pattern.source, flags);
    }

    exec(input: string): RegExpExecArray | null {
      if (input.length > limits.maxInputLength) {
        throw new ExpressionError(
          'EXPRESSION_LIMIT',
          `regular expression input is ${input.length} characters, above the limit of ${limits.maxInputLength}`,
        );
      }
      const from = this.lastIndex;
      const work = this.#compiled.programSize() * (input.length - from);
      if (work > limits.maxWork) {
        throw new ExpressionError(
          'EXPRESSION_LIMIT',
          `regular expression /${this.#source}/ is too costly for ${input.length - from} characters of input (simplify it or shorten the input)`,
        );
      }
      const matcher = this.#compiled.matcher(input);
      if (from > input.length || !matcher.find(from)) {
        this.lastIndex = 0;

        return null;
      }
      const groups: (string | undefined)[] = [];
      for (let group = 0; group <= matcher.groupCount(); group++) groups.push(matcher.group(group) ?? undefined);
      const result = Object.assign(groups, { index: matcher.start(), input }) as unknown as RegExpExecArray;
      this.lastIndex = matcher.end();

      return result;
    }
  };
}
