import { ExpressionError } from '../errors';
import { mentionsSecret } from '../expressions/secret-calls';
import { secretPlaceholderParts } from '../model/secret-refs';
import type { TEngineEvaluator } from './execution-types';

const SUFFIX = '\n))';

/**
 * Binds `$secret` for an action's fields: `$secret("name")` evaluates to a placeholder carrying `marker`
 * (see `secretPlaceholder`), never to the value, so nothing the engine evaluates, journals or shows holds
 * a secret. Like `withLoopBindings`, an expression that mentions it is evaluated inside a block that
 * binds it; error positions are given back in the user's text.
 */
export function withSecretBindings(evaluator: TEngineEvaluator, marker: string): TEngineEvaluator {
  const { open, close } = secretPlaceholderParts(marker);
  const prefix = `($secret := function($name){ ${JSON.stringify(open)} & $name & ${JSON.stringify(close)} }; (\n`;

  return {
    check: (expression) => evaluator.check(expression),
    async evaluate(expression, context) {
      if (!mentionsSecret(expression)) {
        return evaluator.evaluate(expression, context);
      }
      try {
        return await evaluator.evaluate(`${prefix}${expression}${SUFFIX}`, context);
      } catch (error) {
        if (error instanceof ExpressionError && error.position !== undefined) {
          error.position = Math.max(0, error.position - prefix.length);
        }
        throw error;
      }
    },
  };
}
