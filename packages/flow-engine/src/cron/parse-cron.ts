/**
 * A 5-field cron expression: `minute hour day-of-month month day-of-week`. Each field takes `*`,
 * numbers, ranges `a-b`, lists `a,b`, and steps `*∕n` or `a-b∕n`; months and weekdays also take names
 * (`JAN`, `MON`); weekday 0 and 7 are Sunday. As in Vixie cron, when both day fields are restricted a
 * day matches either of them.
 */
export type TCron = {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday. */
  daysOfWeek: ReadonlySet<number>;
  isDayOfMonthRestricted: boolean;
  isDayOfWeekRestricted: boolean;
};

export type TCronParse = { ok: true; cron: TCron } | { ok: false; message: string };

type TFieldSpec = { name: string; min: number; max: number; names?: readonly string[] };

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const FIELDS: readonly TFieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day of week', min: 0, max: 7, names: WEEKDAYS },
];

class CronSyntaxError extends Error {}

function toNumber(text: string, spec: TFieldSpec): number {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  const value = named >= 0 ? named + (spec.names === MONTHS ? 1 : 0) : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
    throw new CronSyntaxError(`${spec.name}: "${text}" is not between ${spec.min} and ${spec.max}`);
  }

  return value;
}

function parsePart(part: string, spec: TFieldSpec, into: Set<number>) {
  const [range = '', stepText, extra] = part.split('/');
  if (extra !== undefined || range === '') throw new CronSyntaxError(`${spec.name}: "${part}" is not a valid entry`);
  const step = stepText === undefined ? 1 : /^\d+$/.test(stepText) ? Number(stepText) : 0;
  if (step < 1) throw new CronSyntaxError(`${spec.name}: step "${stepText ?? ''}" must be a positive number`);
  let [from, to] = [spec.min, spec.max];
  if (range !== '*') {
    const [a = '', b, more] = range.split('-');
    if (more !== undefined) throw new CronSyntaxError(`${spec.name}: "${range}" is not a valid range`);
    from = toNumber(a, spec);
    to = b === undefined ? (stepText === undefined ? from : spec.max) : toNumber(b, spec);
    if (to < from) throw new CronSyntaxError(`${spec.name}: the range "${range}" runs backwards`);
  }
  for (let value = from; value <= to; value += step) into.add(value);
}

function parseField(text: string, spec: TFieldSpec): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) parsePart(part, spec, values);

  return values;
}

export function parseCron(expression: string): TCronParse {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5 || fields[0] === '') {
    return { ok: false, message: `a cron has 5 fields (minute hour day-of-month month day-of-week), got ${fields.filter(Boolean).length}` };
  }
  try {
    const [minutes, hours, daysOfMonth, months, weekdays] = fields.map((field, index) => parseField(field, FIELDS[index] as TFieldSpec));
    const daysOfWeek = new Set([...(weekdays ?? [])].map((day) => day % 7));
    const isRestricted = (field: string | undefined) => !(field ?? '').startsWith('*');

    return {
      ok: true,
      cron: {
        minutes: minutes ?? new Set(),
        hours: hours ?? new Set(),
        daysOfMonth: daysOfMonth ?? new Set(),
        months: months ?? new Set(),
        daysOfWeek,
        isDayOfMonthRestricted: isRestricted(fields[2]),
        isDayOfWeekRestricted: isRestricted(fields[4]),
      },
    };
  } catch (error) {
    if (error instanceof CronSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
}

const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when no date can ever match, e.g. `0 0 30 2 *` (30 February) or `0 0 31 4,6 *`. */
export function cronNeverFires(cron: TCron): boolean {
  if (cron.isDayOfWeekRestricted && cron.isDayOfMonthRestricted) return false;
  if (!cron.isDayOfMonthRestricted) return false;

  return ![...cron.months].some((month) => [...cron.daysOfMonth].some((day) => day <= (LONGEST_MONTH[month - 1] ?? 0)));
}
