import { ExpressionError } from '../errors';
import type { TEvaluator } from './create-evaluator';

/**
 * One rule for every text field (HTTP `url`, header values, Clockify path and query values): the
 * field holds a JSONata expression, and its result is the text. There is no `{{ … }}` syntax.
 * A constant is a JSONata string literal, `"https://example.com/hook"` (see `toExpressionLiteral`);
 * a computed value is any expression, `"https://example.com/users/" & payload.userId`.
 *
 * Strings are returned as they are, numbers and booleans as their JSON text, undefined and null as
 * undefined (the caller decides whether that is allowed). Objects and arrays are an EXPRESSION_ERROR.
 */
export async function evaluateTemplate(
  evaluator: Pick<TEvaluator, 'evaluate'>,
  expression: string,
  context: unknown,
): Promise<string | undefined> {
  const value = await evaluator.evaluate(expression, context);
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }

  throw new ExpressionError(
    'EXPRESSION_ERROR',
    `expected text but the expression produced ${Array.isArray(value) ? 'an array' : 'an object'}`,
  );
}

/** Writes a constant as a JSONata string literal (JSONata string escapes are JSON's), for editors and templates. */
export function toExpressionLiteral(text: string): string {
  return JSON.stringify(text);
}
