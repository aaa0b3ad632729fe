import { round } from './stats';

/** One row of the verdict: a measured value against its target. */
export type TVerdict = { metric: string; value: number | null; unit: string; target: string; pass: boolean | null; by: string };

const verdict = (
  metric: string,
  value: number | null | undefined,
  goal: { unit: string; cmp: '>=' | '<='; target: number; note?: string },
): TVerdict => {
  const { unit, cmp, target, note = '' } = goal;
  if (value === null || value === undefined || !Number.isFinite(value))
    return { metric, value: null, unit, target: `${cmp} ${target}${unit}`, pass: null, by: note || 'not measured' };
  const pass = cmp === '>=' ? value >= target : value <= target;
  const diff = cmp === '>=' ? value / target : target / value;
  const by = pass
    ? `met (${round((diff - 1) * 100, 0)}% margin)`
    : `missed by ${round(cmp === '>=' ? (1 - value / target) * 100 : (value / target - 1) * 100, 0)}%`;

  return { metric, value: round(value, 2), unit, target: `${cmp} ${target}${unit}`, pass, by: note ? `${by}; ${note}` : by };
};

export type TTargetInputs = {
  pgRatio?: number;
  pgAckP99?: number;
  /** The rates actually reached in the fixed-rate phases (a latency at a lower rate does not meet the target). */
  pgAckRate?: number;
  e2eRate?: number;
  sqliteIngest?: number;
  e2ePerSecond?: number;
  e2eP99?: number;
  rateMaxWindow?: number;
  rateMaxRps?: number;
  rateUtilisation?: number;
  loopUtilisation?: number;
  bootstrapRatio?: number;
  rssMB?: number;
};

/** A latency target holds only at its rate: reaching under 95 % of it turns a pass into a miss. */
function atRate(v: TVerdict, reached: number | undefined, rate: number): TVerdict {
  if (v.pass === null || reached === undefined || reached >= rate * 0.95) return v;

  return { ...v, pass: false, by: `missed: only ${round(reached, 0)}/s of ${rate}/s reached (latency there ${v.value}${v.unit})` };
}

/** The benchmark issue's targets. */
export function evaluate(t: TTargetInputs): TVerdict[] {
  return [
    verdict('ingest PostgreSQL / baseline', t.pgRatio, { unit: '×', cmp: '>=', target: 1.0 }),
    atRate(verdict('p99 ack at 1,000/s (PostgreSQL)', t.pgAckP99, { unit: ' ms', cmp: '<=', target: 50 }), t.pgAckRate, 1_000),
    verdict('ingest SQLite', t.sqliteIngest, { unit: '/s', cmp: '>=', target: 2_000 }),
    verdict('e2e executions/s', t.e2ePerSecond, { unit: '/s', cmp: '>=', target: 1_000 }),
    atRate(verdict('e2e p99 webhook→action at 500/s', t.e2eP99, { unit: ' ms', cmp: '<=', target: 250 }), t.e2eRate, 500),
    verdict('max Clockify calls in a 1-s window', t.rateMaxWindow, { unit: '', cmp: '<=', target: t.rateMaxRps ?? 25 }),
    verdict('rate utilisation while backlogged', t.rateUtilisation === undefined ? undefined : t.rateUtilisation * 100, {
      unit: '%',
      cmp: '>=',
      target: 95,
    }),
    verdict('100-item loop of Clockify calls: max_rps used', t.loopUtilisation === undefined ? undefined : t.loopUtilisation * 100, {
      unit: '%',
      cmp: '>=',
      target: 95,
    }),
    verdict('bootstrap wall / rate-limit bound', t.bootstrapRatio, { unit: '×', cmp: '<=', target: 1.1 }),
    verdict('peak RSS of a server process', t.rssMB, { unit: ' MB', cmp: '<=', target: 300 }),
  ];
}

/** A plain fixed-width table. */
export function table(rows: (string | number | null)[][]): string {
  const cells = rows.map((r) => r.map((c) => (c === null ? '–' : String(c))));
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');

  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
