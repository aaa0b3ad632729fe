import { ExpressionError, type TExpressionErrorCode } from '../errors';

type TJsonataFailure = { code?: unknown; message?: unknown; position?: unknown; error?: unknown };

const LIMIT_CODES = new Set(['D2014', 'D2015']);

function codeFor(failure: TJsonataFailure, phase: 'compile' | 'evaluate'): TExpressionErrorCode {
  const code = typeof failure.code === 'string' ? failure.code : '';
  const message = typeof failure.message === 'string' ? failure.message : '';
  if (phase === 'compile' || code.startsWith('S0')) {
    return 'EXPRESSION_SYNTAX';
  }
  if (LIMIT_CODES.has(code) || /Invalid (string|array) length/.test(message)) {
    return 'EXPRESSION_LIMIT';
  }
  if (code === 'D1011' || /Maximum call stack/.test(message)) {
    return 'EXPRESSION_TOO_DEEP';
  }

  return code === 'D1012' ? 'EXPRESSION_TIMEOUT' : 'EXPRESSION_ERROR';
}

/**
 * Maps whatever JSONata threw (plain `{ code, message, position }` objects, RangeErrors from V8, our
 * own budget errors, `$eval`-style wrappers with an inner `error`) to one ExpressionError.
 */
export function toExpressionError(thrown: unknown, phase: 'compile' | 'evaluate'): ExpressionError {
  if (thrown instanceof ExpressionError) {
    return thrown;
  }
  const failure: TJsonataFailure =
    typeof thrown === 'object' && thrown !== null ? (thrown as TJsonataFailure) : { message: String(thrown) };
  if (failure.error instanceof ExpressionError) {
    return failure.error;
  }
  const code = codeFor(failure, phase);
  const message = typeof failure.message === 'string' && failure.message.length > 0 ? failure.message : 'expression failed';
  const position = typeof failure.position === 'number' ? failure.position : undefined;
  const error = new ExpressionError(code, message, position);
  if (typeof failure.code === 'string') {
    error.jsonataCode = failure.code;
  }

  return error;
}
