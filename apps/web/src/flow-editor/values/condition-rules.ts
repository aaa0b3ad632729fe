/**
 * The condition builder's model: rules (field, operator, value) joined by `and` / `or`, written as one
 * JSONata expression, and read back from the expressions it writes (anything else stays raw).
 */
export const OPERATORS = {
  eq: { label: 'is', takesValue: true },
  ne: { label: 'is not', takesValue: true },
  gt: { label: 'is greater than', takesValue: true },
  gte: { label: 'is at least', takesValue: true },
  lt: { label: 'is less than', takesValue: true },
  lte: { label: 'is at most', takesValue: true },
  contains: { label: 'contains', takesValue: true },
  notContains: { label: 'does not contain', takesValue: true },
  exists: { label: 'is set', takesValue: false },
  notExists: { label: 'is not set', takesValue: false },
  hoursOver: { label: 'is a duration over (hours)', takesValue: true },
  hoursUnder: { label: 'is a duration under (hours)', takesValue: true },
} as const;

export type TConditionOperator = keyof typeof OPERATORS;
export type TConditionRule = { field: string; operator: TConditionOperator; value: string | number | boolean };
export type TCondition = { join: 'and' | 'or'; rules: TConditionRule[] };

/**
 * Hours in an ISO-8601 duration (`PT9H30M` → 9.5, `P1DT2H` → 26), missing parts counting 0; no duration → 0.
 * String functions only: a regex would cost the server's RE2 set-up on a cold worker, past the time budget.
 */
export function durationHoursExpression(field: string): string {
  const unit = (text: string, letter: string) => `($contains(${text}, "${letter}") ? $number($substringBefore(${text}, "${letter}")) : 0)`;
  const after = (text: string, letter: string) => `($contains(${text}, "${letter}") ? $substringAfter(${text}, "${letter}") : ${text})`;

  return [
    `($d := $string(${field})`,
    ` $t := $contains($d, "T") ? $substringAfter($d, "T") : ""`,
    ` $h := ${unit('$t', 'H')}`,
    ` $r := ${after('$t', 'H')}`,
    ` $m := ${unit('$r', 'M')}`,
    ` $s := ${unit(after('$r', 'M'), 'S')}`,
    ` $days := $contains($d, "D") ? $number($substringAfter($substringBefore($d, "D"), "P")) : 0`,
    ` $days * 24 + $h + $m / 60 + $s / 3600)`,
  ].join(';');
}

const literal = (value: TConditionRule['value']) => JSON.stringify(value);
const hoursOf = (value: TConditionRule['value']) => {
  const n = typeof value === 'number' ? value : Number(value);

  return Number.isFinite(n) ? String(n) : '0';
};

export function ruleExpression({ field, operator, value }: TConditionRule): string {
  switch (operator) {
    case 'eq':
      return `${field} = ${literal(value)}`;
    case 'ne':
      return `${field} != ${literal(value)}`;
    case 'gt':
      return `${field} > ${literal(value)}`;
    case 'gte':
      return `${field} >= ${literal(value)}`;
    case 'lt':
      return `${field} < ${literal(value)}`;
    case 'lte':
      return `${field} <= ${literal(value)}`;
    case 'contains':
      return `$contains(${field}, ${literal(String(value))})`;
    case 'notContains':
      return `$not($contains(${field}, ${literal(String(value))}))`;
    case 'exists':
      return `$exists(${field})`;
    case 'notExists':
      return `$not($exists(${field}))`;
    case 'hoursOver':
      return `${durationHoursExpression(field)} > ${hoursOf(value)}`;
    case 'hoursUnder':
      return `${durationHoursExpression(field)} < ${hoursOf(value)}`;
  }
}

/** Rules with no field are left out; none at all is `true` (the condition always passes). */
export function buildCondition(condition: TCondition): string {
  const rules = condition.rules.filter((r) => r.field.trim() !== '');
  if (rules.length === 0) return 'true';
  const parts = rules.map(ruleExpression);

  return parts.length === 1 ? (parts[0] as string) : parts.map((p) => `(${p})`).join(` ${condition.join} `);
}

const FIELD = String.raw`(?:\$item|payload|steps|event|headers|workspace)(?:\.(?:[A-Za-z_][\w]*|\x60[^\x60]+\x60))*`;
const VALUE = String.raw`"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null`;

/** One rule from the text `ruleExpression` writes for it, or `undefined`. */
function parseRule(text: string): TConditionRule | undefined {
  const t = text.trim();
  const compare = new RegExp(`^(${FIELD}) (=|!=|>|>=|<|<=) (${VALUE})$`).exec(t);
  if (compare) {
    const ops = { '=': 'eq', '!=': 'ne', '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' } as const;

    return {
      field: compare[1] as string,
      operator: ops[compare[2] as keyof typeof ops],
      value: JSON.parse(compare[3] as string) as string,
    };
  }
  const call = new RegExp(`^(\\$not\\()?\\$(contains|exists)\\((${FIELD})(?:, ("(?:[^"\\\\]|\\\\.)*"))?\\)\\)?$`).exec(t);
  if (call) {
    const negated = Boolean(call[1]);
    const operator: TConditionOperator = call[2] === 'exists' ? (negated ? 'notExists' : 'exists') : negated ? 'notContains' : 'contains';
    const rule: TConditionRule = { field: call[3] as string, operator, value: call[4] ? (JSON.parse(call[4]) as string) : '' };

    return ruleExpression(rule) === t ? rule : undefined;
  }
  const hours = new RegExp(`^\\(\\$d := \\$string\\((${FIELD})\\);[\\s\\S]*\\) (>|<) (-?\\d+(?:\\.\\d+)?)$`).exec(t);
  if (hours) {
    const rule: TConditionRule = {
      field: hours[1] as string,
      operator: hours[2] === '>' ? 'hoursOver' : 'hoursUnder',
      value: Number(hours[3]),
    };

    return ruleExpression(rule) === t ? rule : undefined;
  }

  return undefined;
}

/** Splits at top-level ` and ` / ` or ` between parenthesised parts. */
function splitParts(text: string): { join: 'and' | 'or'; parts: string[] } | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let join: 'and' | 'or' | undefined;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') {
      for (i += 1; i < text.length && text[i] !== '"'; i += 1) if (text[i] === '\\') i += 1;
    } else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (depth === 0) {
      const m = /^ (and|or) /.exec(text.slice(i));
      if (m) {
        if (join && join !== m[1]) return undefined;
        join = m[1] as 'and' | 'or';
        parts.push(text.slice(start, i));
        i += m[0].length - 1;
        start = i + 1;
      }
    }
  }
  parts.push(text.slice(start));

  return { join: join ?? 'and', parts };
}

/** The builder's rules for an expression it could have written, or `undefined` (then it is edited raw). */
export function parseCondition(expression: string): TCondition | undefined {
  const text = expression.trim();
  if (text === 'true' || text === '') return { join: 'and', rules: [] };
  const single = parseRule(text);
  if (single) return { join: 'and', rules: [single] };
  const split = splitParts(text);
  if (!split || split.parts.length < 2) return undefined;
  const rules: TConditionRule[] = [];
  for (const part of split.parts) {
    const inner = /^\(([\s\S]*)\)$/.exec(part.trim());
    const rule = inner ? parseRule(inner[1] as string) : undefined;
    if (!rule) return undefined;
    rules.push(rule);
  }
  const condition = { join: split.join, rules };

  return buildCondition(condition) === text ? condition : undefined;
}

/**
 * Rules in words for a canvas summary ("payload.timeInterval.duration is a duration over 8 h"), when the builder
 * wrote a rule whose JSONata is long (durations); null otherwise (the expression reads well enough as code).
 */
export function describeCondition(expression: string): string | null {
  const condition = parseCondition(expression);
  if (!condition || !condition.rules.some((r) => r.operator === 'hoursOver' || r.operator === 'hoursUnder')) return null;

  return condition.rules
    .map(({ field, operator, value }) => {
      if (operator === 'hoursOver' || operator === 'hoursUnder')
        return `${field} is a duration ${operator === 'hoursOver' ? 'over' : 'under'} ${value} h`;

      return OPERATORS[operator].takesValue
        ? `${field} ${OPERATORS[operator].label} ${JSON.stringify(value)}`
        : `${field} ${OPERATORS[operator].label}`;
    })
    .join(` ${condition.join} `);
}
