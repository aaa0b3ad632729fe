/**
 * Fields are values first: a field shows a literal (text, number, an object built key by key) and the
 * definition stores one JSONata expression. A value here is JSON in which any part may be a hole, a
 * computed part written as an expression (`{ $expr: 'payload.description' }`).
 * `toExpression` writes such a value as JSONata; `fromExpression` reads the expressions this editor (or a
 * person) wrote back into a value, or gives `undefined` when the text is not a literal with holes.
 */
export type THole = { $expr: string };

export const hole = (expression: string): THole => ({ $expr: expression });

export function isHole(value: unknown): value is THole {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { $expr?: unknown }).$expr === 'string'
  );
}

/** An empty hole or an empty string: left out of objects and arrays. */
const isBlank = (value: unknown) => value === undefined || (isHole(value) && value.$expr.trim() === '');

/** Writes a value (JSON with holes) as one JSONata expression. Holes go in as written. */
export function toExpression(value: unknown): string {
  if (isHole(value)) return value.$expr.trim();
  if (Array.isArray(value)) {
    return `[${value
      .filter((v) => !isBlank(v))
      .map(toExpression)
      .join(', ')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => !isBlank(v));

    return entries.length === 0 ? '{}' : `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${toExpression(v)}`).join(', ')}}`;
  }

  return value === undefined ? '' : JSON.stringify(value);
}

class NotLiteral extends Error {}

/** Reads literals, objects, arrays and holes; anything else throws NotLiteral. */
class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  read(): unknown {
    const value = this.value();
    this.space();
    if (this.at < this.text.length) throw new NotLiteral();

    return value;
  }

  private space() {
    for (;;) {
      while (/\s/.test(this.text[this.at] ?? '')) this.at += 1;
      if (!this.text.startsWith('/*', this.at)) return;
      const end = this.text.indexOf('*/', this.at + 2);
      if (end < 0) throw new NotLiteral();
      this.at = end + 2;
    }
  }

  /** True when the next character ends a value inside a constructor (or the text ends). */
  private atValueEnd(): boolean {
    this.space();
    const c = this.text[this.at];

    return c === undefined || c === ',' || c === '}' || c === ']';
  }

  private value(): unknown {
    this.space();
    const start = this.at;
    const c = this.text[this.at];
    if (c === '{' || c === '[') {
      const built = this.tryConstructor(c);
      if (built.ok && this.atValueEnd()) return built.value;
    } else {
      const scalar = this.tryScalar();
      if (scalar.ok && this.atValueEnd()) return scalar.value;
    }
    this.at = start;

    return hole(this.holeText());
  }

  private tryConstructor(open: '{' | '['): { ok: true; value: unknown } | { ok: false } {
    const start = this.at;
    try {
      return { ok: true, value: open === '{' ? this.object() : this.array() };
    } catch (err) {
      if (!(err instanceof NotLiteral)) throw err;
      this.at = start;

      return { ok: false };
    }
  }

  private object(): Record<string, unknown> {
    this.at += 1;
    const out: Record<string, unknown> = {};
    this.space();
    if (this.text[this.at] === '}') return ((this.at += 1), out);
    for (;;) {
      this.space();
      const key = this.tryScalar();
      if (!key.ok || typeof key.value !== 'string') throw new NotLiteral();
      this.space();
      if (this.text[this.at] !== ':') throw new NotLiteral();
      this.at += 1;
      out[key.value] = this.value();
      this.space();
      const c = this.text[this.at];
      this.at += 1;
      if (c === '}') return out;
      if (c !== ',') throw new NotLiteral();
    }
  }

  private array(): unknown[] {
    this.at += 1;
    const out: unknown[] = [];
    this.space();
    if (this.text[this.at] === ']') return ((this.at += 1), out);
    for (;;) {
      out.push(this.value());
      this.space();
      const c = this.text[this.at];
      this.at += 1;
      if (c === ']') return out;
      if (c !== ',') throw new NotLiteral();
    }
  }

  /** A string ("…" or '…'), number, true, false or null at the cursor. */
  private tryScalar(): { ok: true; value: unknown } | { ok: false } {
    const rest = this.text.slice(this.at);
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      const match = new RegExp(`^${quote}((?:[^${quote}\\\\]|\\\\.)*)${quote}`).exec(rest);
      if (!match) return { ok: false };
      const body = quote === "'" ? (match[1] ?? '').replace(/\\'/g, "'").replace(/"/g, '\\"') : (match[1] ?? '');
      try {
        const value: unknown = JSON.parse(`"${body}"`);
        this.at += match[0].length;

        return { ok: true, value };
      } catch {
        return { ok: false };
      }
    }
    const word = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)(?![\w$])/.exec(rest);
    if (!word) return { ok: false };
    this.at += word[0].length;

    return { ok: true, value: JSON.parse(word[0]) };
  }

  /** Text up to the next `,` `}` `]` outside brackets, strings and comments: one computed part. */
  private holeText(): string {
    const start = this.at;
    let depth = 0;
    while (this.at < this.text.length) {
      const c = this.text[this.at] as string;
      if (c === '"' || c === "'" || c === '`') {
        const end = this.closing(c, this.at + 1);
        this.at = end + 1;
        continue;
      }
      if (this.text.startsWith('/*', this.at)) {
        const end = this.text.indexOf('*/', this.at + 2);
        this.at = end < 0 ? this.text.length : end + 2;
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth += 1;
      else if (c === ')' || c === ']' || c === '}' || c === ',') {
        if (depth === 0) break;
        if (c !== ',') depth -= 1;
      }
      this.at += 1;
    }
    const text = this.text.slice(start, this.at).trim();
    if (text === '') throw new NotLiteral();

    return text;
  }

  private closing(quote: string, from: number): number {
    for (let i = from; i < this.text.length; i += 1) {
      if (this.text[i] === '\\') i += 1;
      else if (this.text[i] === quote) return i;
    }
    throw new NotLiteral();
  }
}

/**
 * The value an expression writes, with holes for its computed parts, or `undefined` when it is not
 * built of literals, objects and arrays (then the field stays an expression). An empty text is `undefined`.
 */
export function fromExpression(expression: string): unknown {
  if (expression.trim() === '') return undefined;
  try {
    return new Reader(expression).read();
  } catch (err) {
    if (err instanceof NotLiteral) return undefined;
    throw err;
  }
}

/** A scalar field's literal: the string, number or boolean an expression is, else `undefined`. */
export function literalOf(expression: string): string | number | boolean | undefined {
  const value = fromExpression(expression);

  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/** Whether a value holds a hole anywhere (a computed part). */
export function hasHole(value: unknown): boolean {
  if (isHole(value)) return true;
  if (Array.isArray(value)) return value.some(hasHole);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasHole);

  return false;
}
