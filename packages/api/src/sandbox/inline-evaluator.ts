import {
  createEvaluator,
  createLruCache,
  EXPRESSION_DEFAULTS,
  ExpressionError,
  type TEvaluator,
  type TEvaluatorOptions,
} from '@uw/flow-engine';

import { isBoundedExpression } from './bounded-expression';

/**
 * The inline evaluator's wall-clock budget. A bounded expression over a webhook's context takes
 * microseconds; one that does not finish in this time (a very large input, or a garbage collection or a
 * busy machine in the way) is handed to the workers, which have the full budget.
 */
export const INLINE_TIME_LIMIT_MS = 20;

export type TInlineEvaluator = {
  /** The value, or `undefined` when the expression is not bounded or its outcome must come from the sandbox. */
  evaluate(expression: string, context: unknown): Promise<{ value: unknown } | undefined>;
  check: TEvaluator['check'];
};

/**
 * Bounded expressions (`isBoundedAst`) on this thread, under the same budgets as the workers except a
 * shorter clock. Only two outcomes are final here: a value, and an expression error (a type error, a
 * key that is not a string…), which the workers would reach the same way. Anything that depends on
 * resources (the clock, depth, sizes, the stack) is left to the sandbox, which evaluates it again and
 * gives its own answer, so the inline path never answers differently from the workers.
 */
export function createInlineEvaluator(budgets: Omit<TEvaluatorOptions, 'now' | 'regexEngine'> = {}): TInlineEvaluator {
  const evaluator = createEvaluator({
    ...budgets,
    timeLimitMs: Math.min(INLINE_TIME_LIMIT_MS, budgets.timeLimitMs ?? EXPRESSION_DEFAULTS.timeLimitMs),
  });
  const maxLength = budgets.maxExpressionLength ?? EXPRESSION_DEFAULTS.maxExpressionLength;
  const bounded = createLruCache<boolean>(budgets.cacheSize ?? EXPRESSION_DEFAULTS.cacheSize);
  const isBounded = (expression: string) => {
    if (expression.length > maxLength) return false;
    let known = bounded.get(expression);
    if (known === undefined) {
      known = isBoundedExpression(expression);
      bounded.set(expression, known);
    }

    return known;
  };

  const attempt = async (expression: string, context: unknown) => {
    try {
      return { value: await evaluator.evaluate(expression, context) };
    } catch (error) {
      if (error instanceof ExpressionError && error.code === 'EXPRESSION_ERROR') throw error;

      return undefined;
    }
  };
  // One evaluation at a time, as in a worker: JSONata awaits between nodes, so evaluations started together
  // would interleave and each one's clock would count all the others' time.
  let last: Promise<unknown> = Promise.resolve();

  return {
    evaluate(expression, context) {
      // An array as the whole input makes object constructors run once per item: left to the workers.
      if (Array.isArray(context) || !isBounded(expression)) return Promise.resolve(undefined);
      const turn = last.then(() => attempt(expression, context));
      last = turn.catch(() => undefined);

      return turn;
    },
    check: (expression) => evaluator.check(expression),
  };
}
