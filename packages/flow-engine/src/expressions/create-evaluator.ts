import jsonata from 'jsonata';

import { ExpressionError } from '../errors';
import { BLOCKED_FUNCTIONS } from './allowed-functions';
import { createBudgetHooks, ENTRY_HOOK, EXIT_HOOK } from './budget-hooks';
import { inspectAst } from './inspect-ast';
import { createLruCache } from './lru-cache';
import { normaliseResult } from './normalise-result';
import { createRe2Engine } from './re2-engine';
import type { TRegexEngine } from './regex-engine';
import { createGuardedBuiltins } from './safe-builders';
import { createSafePad, PAD_SIGNATURE } from './safe-pad';
import { toExpressionError } from './to-expression-error';

export type TEvaluatorOptions = {
  /** Wall-clock budget of one evaluation. */
  timeLimitMs?: number;
  /** Maximum nesting of JSONata's evaluator (about 3 levels per recursive call). */
  maxDepth?: number;
  /** Maximum AST nodes evaluated by one evaluation. */
  maxSteps?: number;
  /** Cap on the JSON size of a result, and on the length of any string built on the way. */
  maxResultBytes?: number;
  /** Cap on the length of any sequence (JSONata's `sequence` option; also bounds `[1..n]`). */
  maxSequenceLength?: number;
  /** Expressions longer than this are refused (save-time validation uses the same limit). */
  maxExpressionLength?: number;
  /** The regex engine; RE2 (`createRe2Engine()`) unless given. See `TRegexEngine`. */
  regexEngine?: TRegexEngine;
  /** How many compiled expressions to keep (least recently used are dropped). */
  cacheSize?: number;
  /** Clock for the time budget (tests inject one). */
  now?: () => number;
};

export type TCheckResult =
  | { ok: true }
  | {
      ok: false;
      code: 'EXPRESSION_SYNTAX' | 'EXPRESSION_TOO_LONG' | 'UNKNOWN_FUNCTION' | 'UNSUPPORTED_REGEX';
      message: string;
      position: number;
    };

export type TEvaluator = {
  /** Evaluates `expression` with `context` as `$`; resolves to plain JSON data or undefined. Rejects with ExpressionError. */
  evaluate(expression: string, context: unknown): Promise<unknown>;
  /** Parses and inspects without running: syntax, length, unknown functions, regexes the engine rejects. */
  check(expression: string): TCheckResult;
};

export const EXPRESSION_DEFAULTS = {
  timeLimitMs: 100,
  maxDepth: 100,
  maxSteps: 1_000_000,
  maxResultBytes: 1_000_000,
  maxSequenceLength: 100_000,
  maxExpressionLength: 4_000,
  cacheSize: 1_000,
} as const;

/**
 * A sandboxed JSONata evaluator. Each evaluation runs under its own time, depth and step budget
 * (enforced by JSONata's evaluate hooks, RELIABILITY §3), regex literals run on RE2 with capped input,
 * `$pad`, `$string`, `$join` and `$replace` check the size of what they would build, `$eval` is switched
 * off, no host function is bound, and results are plain JSON. A single synchronous builtin still cannot be
 * interrupted by the hooks: the server runs evaluations in worker threads with a heap cap and a hard kill.
 */
export function createEvaluator(options: TEvaluatorOptions = {}): TEvaluator {
  const settings = { ...EXPRESSION_DEFAULTS, ...withoutUndefined(options) };
  const hooks = createBudgetHooks({
    timeLimitMs: settings.timeLimitMs,
    maxDepth: settings.maxDepth,
    maxSteps: settings.maxSteps,
    maxStringLength: settings.maxResultBytes,
    now: options.now ?? (() => Date.now()),
  });
  const safePad = createSafePad(settings.maxResultBytes);
  const guarded = createGuardedBuiltins(settings.maxResultBytes);
  const regexEngine = options.regexEngine ?? createRe2Engine();
  const blocked = (name: string) => () => {
    throw new ExpressionError('EXPRESSION_ERROR', `$${name} is not available in this sandbox`);
  };
  const cache = createLruCache<jsonata.Expression>(settings.cacheSize);

  const compile = (expression: string): jsonata.Expression => {
    if (expression.length > settings.maxExpressionLength) {
      throw new ExpressionError('EXPRESSION_LIMIT', `expression is longer than ${settings.maxExpressionLength} characters`, 0);
    }
    const cached = cache.get(expression);
    if (cached) {
      return cached;
    }
    let compiled: jsonata.Expression;
    try {
      compiled = jsonata(expression, {
        RegexEngine: regexEngine as unknown as RegExpConstructor,
        sequence: settings.maxSequenceLength,
      });
    } catch (error) {
      throw toExpressionError(error, 'compile');
    }
    compiled.assign(ENTRY_HOOK as unknown as string, hooks.entry);
    compiled.assign(EXIT_HOOK as unknown as string, hooks.exit);
    compiled.registerFunction('pad', safePad, PAD_SIGNATURE);
    for (const builtin of guarded) {
      compiled.registerFunction(builtin.name, builtin.implementation, builtin.signature);
    }
    for (const name of BLOCKED_FUNCTIONS) {
      compiled.registerFunction(name, blocked(name));
    }
    cache.set(expression, compiled);

    return compiled;
  };

  return {
    async evaluate(expression, context) {
      const compiled = compile(expression);
      let raw: unknown;
      try {
        raw = await compiled.evaluate(context);
      } catch (error) {
        throw toExpressionError(error, 'evaluate');
      }

      return normaliseResult(raw, settings.maxResultBytes);
    },
    check(expression) {
      if (expression.length > settings.maxExpressionLength) {
        return {
          ok: false,
          code: 'EXPRESSION_TOO_LONG',
          message: `expression is longer than ${settings.maxExpressionLength} characters`,
          position: 0,
        };
      }
      if (expression.trim().length === 0) {
        return { ok: false, code: 'EXPRESSION_SYNTAX', message: 'expression is empty', position: 0 };
      }
      let compiled: jsonata.Expression;
      try {
        compiled = compile(expression);
      } catch (error) {
        const failure = toExpressionError(error, 'compile');

        return { ok: false, code: 'EXPRESSION_SYNTAX', message: failure.message, position: failure.position ?? 0 };
      }
      const [problem] = inspectAst(compiled.ast(), regexEngine);

      return problem ? { ok: false, ...problem } : { ok: true };
    },
  };
}

function withoutUndefined<TObject extends object>(value: TObject): Partial<TObject> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<TObject>;
}
