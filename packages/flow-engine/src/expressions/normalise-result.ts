import { ExpressionError } from '../errors';
import { isJsonataFunction, jsonLongerThan } from './json-lower-bound';

/** UTF-8 length of a string, without TextEncoder allocations for the common all-ASCII case. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      bytes += 1;
    } else if (unit < 0x800) {
      bytes += 2;
    } else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else {
      bytes += 3;
    }
  }

  return bytes;
}

const tooLarge = (maxBytes: number) => new ExpressionError('EXPRESSION_LIMIT', `expression result is larger than ${maxBytes} bytes`);

/**
 * Turns a JSONata result into plain JSON data (stack gotcha 14: null-prototype objects, arrays that
 * carry `sequence: true`). Functions and lambdas are dropped, as JSON drops them. Results whose JSON
 * text is above `maxBytes` fail with EXPRESSION_LIMIT.
 */
export function normaliseResult(value: unknown, maxBytes: number): unknown {
  if (value === undefined || isJsonataFunction(value) || typeof value === 'function') {
    return undefined;
  }
  // Refused before JSON.stringify when certainly too long: a value can repeat one large object many times.
  if (jsonLongerThan(value, maxBytes)) throw tooLarge(maxBytes);
  const text = JSON.stringify(value, (_key, item: unknown) => (isJsonataFunction(item) ? undefined : item));
  if (text === undefined) {
    return undefined;
  }
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes)) {
    throw tooLarge(maxBytes);
  }

  return JSON.parse(text) as unknown;
}
