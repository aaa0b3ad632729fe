import { ExpressionError } from '../errors';

/**
 * `$pad(str, width, char?)` with JSONata's semantics (width in code points; positive pads on the right,
 * negative on the left; default char a space) but refusing widths above `maxLength`: the built-in
 * allocates `$pad("x", 2e8)` in one synchronous call that no evaluation hook can interrupt.
 */
export function createSafePad(maxLength: number) {
  return (str: string | undefined, width: number, char?: string): string | undefined => {
    if (str === undefined) {
      return undefined;
    }
    const target = Math.trunc(width);
    if (Math.abs(target) > maxLength) {
      throw new ExpressionError('EXPRESSION_LIMIT', `$pad width ${Math.abs(target)} is above the limit of ${maxLength}`);
    }
    const filler = char === undefined || char.length === 0 ? ' ' : char;
    const missing = Math.abs(target) - Array.from(str).length;
    if (missing <= 0) {
      return str;
    }
    const padding = Array.from(filler.repeat(missing)).slice(0, missing).join('');

    return target > 0 ? str + padding : padding + str;
  };
}

/** JSONata signature of `$pad`: string (or the context), number, optional string → string. */
export const PAD_SIGNATURE = '<s-ns?:s>';
