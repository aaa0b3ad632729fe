import { ExpressionError } from '../errors';

/**
 * `$pad(str, width, char?)` with JSONata's semantics (width in code points; positive pads on the right,
 * negative on the left; default char a space) but refusing, before building anything, a result longer than
 * `maxLength` UTF-16 units: the built-in repeats the whole filler `width` times first (`$pad("a", 1e6,
 * <64 chars>)` allocates 64 M characters) in one synchronous call that no evaluation hook can interrupt.
 */
export function createSafePad(maxLength: number) {
  return (str: string | undefined, width: number, char?: string): string | undefined => {
    if (str === undefined) {
      return undefined;
    }
    const target = Math.trunc(width);
    const filler = Array.from(char === undefined || char.length === 0 ? ' ' : char);
    const missing = Math.abs(target) - Array.from(str).length;
    if (missing <= 0) {
      return str;
    }
    const widest = Math.max(...filler.map((point) => point.length));
    if (Math.abs(target) > maxLength || str.length + missing * widest > maxLength) {
      throw new ExpressionError('EXPRESSION_LIMIT', `$pad would build more than ${maxLength} characters (width ${Math.abs(target)})`);
    }
    const whole = filler.join('').repeat(Math.floor(missing / filler.length));
    const padding = whole + filler.slice(0, missing % filler.length).join('');

    return target > 0 ? str + padding : padding + str;
  };
}

/** JSONata signature of `$pad`: string (or the context), number, optional string → string. */
export const PAD_SIGNATURE = '<s-ns?:s>';
