import { ExpressionError } from '../errors';
import type { TEngineEvaluator } from './execution-types';

const USES_LOOP = /\$(item|index)\b/;
const PREFIX = '($item := loop.item; $index := loop.index; (\n';
const SUFFIX = '\n))';

const hasLoop = (context: unknown) => typeof context === 'object' && context !== null && (context as { loop?: unknown }).loop !== undefined;

/**
 * Binds `$item` and `$index` for expressions inside a forEach body, whatever evaluator runs them (the
 * server's sandbox takes only text and input): an expression that mentions them is evaluated inside a
 * block that binds them from the context's `loop`. Error positions are given back in the user's text.
 */
export function withLoopBindings(evaluator: TEngineEvaluator): TEngineEvaluator {
  return {
    check: (expression) => evaluator.check(expression),
    async evaluate(expression, context) {
      if (!hasLoop(context) || !USES_LOOP.test(expression)) {
        return evaluator.evaluate(expression, context);
      }
      try {
        return await evaluator.evaluate(`${PREFIX}${expression}${SUFFIX}`, context);
      } catch (error) {
        if (error instanceof ExpressionError && error.position !== undefined) {
          error.position = Math.max(0, error.position - PREFIX.length);
        }
        throw error;
      }
    },
  };
}
