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
};

export const RE2_DEFAULT_LIMITS: TRe2EngineLimits = { maxInputLength: 100_000, maxWork: 10_000_000 };

const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

/**
 * A `TRegexEngine` on re2js, a pure-JavaScript port of RE2: matching time is linear in the input (no
 * backtracking), back-references and look-arounds are refused when the regex is compiled, and every
 * search checks its input length and cost first, failing with EXPRESSION_LIMIT instead of blocking.
 * Indexes are UTF-16 code units, as with `RegExp`; `lastIndex` advances as with a global `RegExp`.
 */
export function createRe2Engine(limits: TRe2EngineLimits = RE2_DEFAULT_LIMITS): TRegexEngine {
  return class Re2Regex {
    lastIndex = 0;
    readonly #compiled: RE2JS;
    readonly #source: string;

    constructor(pattern: RegExp) {
      let flags = 0;
      for (const flag of pattern.flags) flags |= FLAG_BITS[flag] ?? 0;
      this.#source = pattern.source;
      this.#compiled = RE2JS.compile(RE2JS.translateRegExp(pattern.source), flags);
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
