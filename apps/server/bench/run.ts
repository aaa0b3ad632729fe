/**
 * `npm run bench`: the product as a child process on a fresh PostgreSQL scratch database and on a fresh
 * SQLite file, each next to a bare Express + one-INSERT baseline measured in the same run, plus end-to-end
 * executions, outbound rate adherence, bootstrap and peak RSS. Prints a table with the targets and writes
 * bench-results/<timestamp>.json (git-ignored). Loopback only; every load is bounded in count and time.
 *
 * Flags: --only=postgresql|sqlite   --quick (3-s phases, for trying it out)   --no-e2e   --seconds=N   --rounds=N
 *        --cpu-prof (writes .cpuprofile files of the server into bench-results/)   --log-level=info|warn…
 *        --server-env=UW_WORKER_CONCURRENCY=32,… (extra server environment)
 *        --scale-out[=1,2] (K web + K worker processes on one PostgreSQL, per K; with --cpu-prof, the top frames
 *        of a web process (ingest) and of a worker (execution))
 *        --list-rows=1000000 (webhooks.list p50/p95 on a PostgreSQL log of that many rows)
 *        UW_BENCH_SERVER_ENTRY=/path/to/main.ts measures a patched copy of the server instead.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

import type { TDialect } from '@uw/db';
import { isPgReachable } from '@uw/db/testing';
import { startSimulator } from '@uw/simulator';

import { timeEntryBody } from '../test-faults/support/clockify';
import { PG_ADMIN_URL, REQUIRE_PG } from '../test-faults/support/paths';
import { runDialect, type TDialectResult } from './dialect-run';
import { listScale, type TListScale } from './list-scale';
import { machineInfo } from './machine';
import { round } from './stats';
import { runScaleOut, type TScaleOutRun } from './scale-out';
import { evaluate, table } from './targets';

const arg = (name: string) =>
  process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`))?.split('=')[1] ??
  (process.argv.includes(`--${name}`) ? 'true' : undefined);
const quick = arg('quick') === 'true';
const outDir = resolve(import.meta.dirname, '../bench-results');
mkdirSync(outDir, { recursive: true });
const started = Date.now();
const log = (line: string) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);

const pgUp = await isPgReachable(PG_ADMIN_URL);
if (!pgUp && REQUIRE_PG) throw new Error(`PostgreSQL is required (CI=true) but not reachable at ${PG_ADMIN_URL}`);
if (!pgUp) log(`NOTICE: PostgreSQL not reachable at ${PG_ADMIN_URL}; only SQLite is measured.`);
const only = arg('only') as TDialect | undefined;
const dialects = (['postgresql', 'sqlite'] as TDialect[]).filter((d) => (!only || d === only) && (d === 'sqlite' || pgUp));

const machine = await machineInfo(pgUp ? PG_ADMIN_URL : null);
log(
  `machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryTotalMB} MB, node ${machine.node}, ${machine.postgres ?? 'no PostgreSQL'}`,
);

const wsId = (n: number) => `bench${String(n).padStart(19, '0')}`;
const e2eWorkspaces = Array.from({ length: 40 }, (_, i) => wsId(100 + i));
const small = { users: 1, clients: 1, projects: 1, tags: 1, timeEntries: 1, expenses: 0, tasksPerProject: 1 };
const sim = await startSimulator({
  rateLimitPerSecond: 100_000,
  seed: {
    workspaces: [
      { id: wsId(1), ...small },
      ...e2eWorkspaces.map((id) => ({ id, ...small })),
      { id: wsId(2), ...small },
      { id: wsId(4), ...small },
      // The bootstrap issue's example workspace.
      { id: wsId(3), users: 5, clients: 40, projects: 300, tasksPerProject: 1, tags: 30, timeEntries: 2_000, expenses: 0 },
    ],
  },
});

const results: TDialectResult[] = [];
const scaleOut: TScaleOutRun[] = [];
let listResult: TListScale | null = null;
try {
  for (const dialect of dialects) {
    results.push(
      await runDialect(sim, dialect, {
        seconds: Number(arg('seconds') ?? (quick ? 3 : 10)),
        rounds: Number(arg('rounds') ?? (quick ? 1 : 2)),
        e2e: arg('no-e2e') !== 'true',
        e2eWorkspaces: quick ? e2eWorkspaces.slice(0, 10) : e2eWorkspaces,
        ingestWorkspace: wsId(1),
        rateWorkspace: wsId(2),
        loopWorkspace: wsId(4),
        bootstrapWorkspace: wsId(3),
        logLevel: arg('log-level') ?? 'info',
        serverEnv: Object.fromEntries(
          (process.argv.find((a) => a.startsWith('--server-env='))?.slice('--server-env='.length) ?? '')
            .split(',')
            .filter(Boolean)
            .map((kv) => [kv.split('=')[0]!, kv.split('=').slice(1).join('=')]),
        ),
        cpuProfDir: arg('cpu-prof') === 'true' ? outDir : null,
        log,
      }),
    );
  }
  const scaleOutKs = (arg('scale-out') === 'true' ? '1,2' : (arg('scale-out') ?? '')).split(',').filter(Boolean).map(Number);
  if (scaleOutKs.length > 0 && !pgUp) log('NOTICE: the scale-out mode needs PostgreSQL; skipped.');
  for (const k of pgUp ? scaleOutKs : []) {
    scaleOut.push(
      await runScaleOut(sim, {
        k,
        workspaces: e2eWorkspaces,
        template: { ...timeEntryBody(e2eWorkspaces[0]!, 'template'), billable: true },
        maxRps: 50,
        cpuProfDir: arg('cpu-prof') === 'true' ? outDir : null,
        serverEnv: {},
        log,
      }),
    );
  }
  const listRows = Number(arg('list-rows') ?? 0);
  if (listRows > 0 && pgUp) listResult = await listScale({ rows: listRows, runs: 30, log });
} finally {
  await sim.close();
}

const byDialect = (d: TDialect) => results.find((r) => r.dialect === d);
const pgRes = byDialect('postgresql');
const sqliteRes = byDialect('sqlite');
const e2eRes = pgRes?.e2e ?? sqliteRes?.e2e;
const rows: (string | number | null)[][] = [['measure', ...results.map((r) => r.dialect)]];
const add = (label: string, f: (r: TDialectResult) => string | number | null | undefined) =>
  rows.push([label, ...results.map((r) => f(r) ?? null)]);
/** SQLite runs inside the server process: no separate database CPU or commit counter to show. */
const cpuText = (r: TDialectResult, x: { nodeMs: number; dbMs: number; commits: number }) =>
  r.dialect === 'postgresql' ? `${x.nodeMs} + ${x.dbMs} ms (${x.commits})` : `${x.nodeMs} ms (database in-process)`;
add('webhook body (bytes)', (r) => r.bodyBytes);
add('ingest req/s (50 conn, closed loop)', (r) => round(r.ingest.perSecond, 0));
add('ingest p50 / p99 ms', (r) => `${r.ingest.p50} / ${r.ingest.p99}`);
add('baseline req/s (Express + 1 INSERT)', (r) => round(r.baseline.perSecond, 0));
add('baseline p50 / p99 ms', (r) => `${r.baseline.p50} / ${r.baseline.p99}`);
add('ratio ours / baseline', (r) => `${round(r.ratio, 2)}×`);
add('CPU ms/webhook ours: node + db (commits)', (r) => cpuText(r, r.cpuPerRequest.ours));
add('CPU ms/webhook baseline: node + db (commits)', (r) => cpuText(r, r.cpuPerRequest.baseline));
add('ack at 1,000/s: achieved /s', (r) => round(r.ack1000.perSecond, 0));
add('ack at 1,000/s: p50 / p99 / p99.9 ms', (r) => `${r.ack1000.p50} / ${r.ack1000.p99} / ${r.ack1000.p999}`);
add('non-2xx / errors (all phases)', (r) => `${r.ingest.non2xx + r.ack1000.non2xx} / ${r.ingest.errors + r.ack1000.errors}`);
// Stored may exceed acknowledged: a timed phase stops counting answers still in flight, which were stored all the same.
add('rows stored / acked (dups); every ack stored', (r) => {
  const { stored, expected, duplicates } = r.rowsChecked;

  return `${stored} / ${expected} (${duplicates}); ${stored >= expected && duplicates === 0 ? 'yes' : 'NO'}`;
});
add(
  'e2e executions/s (overall, steady)',
  (r) =>
    r.e2e &&
    `${r.e2e.throughput.perSecond}, ${r.e2e.throughput.steadyPerSecond} (${r.e2e.throughput.actions}/${r.e2e.throughput.webhooks}${r.e2e.throughput.drained ? '' : ', cut'})`,
);
add(
  'e2e: ingest /s while executing; drain /s',
  (r) =>
    r.e2e &&
    `${r.e2e.throughput.ingestPerSecond}; ${Number.isFinite(r.e2e.throughput.drainPerSecond) ? r.e2e.throughput.drainPerSecond : 'no backlog (kept pace with ingest)'}`,
);
add('e2e per execution: CPU node + db (commits)', (r) => r.e2e && cpuText(r, r.e2e.perExecution));
add(
  'e2e at 500/s: p50 / p99 ms',
  (r) =>
    r.e2e &&
    `${r.e2e.latency500.p50} / ${r.e2e.latency500.p99} (${r.e2e.latency500.actions}/${r.e2e.latency500.webhooks}${r.e2e.latency500.drained ? '' : ', cut'})`,
);
add(
  'rate: max 1-s window / max_rps',
  (r) => r.e2e && `${r.e2e.rate.maxWindow} (all calls ${r.e2e.rate.maxWindowAllCalls}) / ${r.e2e.rate.maxRps}`,
);
add(
  'rate: utilisation backlogged',
  (r) => r.e2e && `${round(r.e2e.rate.utilisation * 100, 1)}% (${r.e2e.rate.meanFull}/s over ${r.e2e.rate.fullSeconds} s)`,
);
add(
  'loop of 100 Clockify calls: max 1-s window; utilisation',
  (r) =>
    r.e2e &&
    `${r.e2e.loop.maxWindow} / ${r.e2e.loop.maxRps}; ${round(r.e2e.loop.utilisation * 100, 1)}% (${r.e2e.loop.status}, ${r.e2e.loop.seconds} s)`,
);
add(
  'bootstrap wall / ideal (requests)',
  (r) =>
    r.e2e &&
    (r.e2e.bootstrap.available
      ? `${r.e2e.bootstrap.wallSeconds} s / ${r.e2e.bootstrap.idealSeconds} s = ${r.e2e.bootstrap.ratio}× (${r.e2e.bootstrap.requests} @ ${r.e2e.bootstrap.maxRps}/s)`
      : `skipped: ${r.e2e.bootstrap.note}`),
);
add('RSS server at ready / peak; baseline peak MB', (r) => `${r.rssAtReadyMB} / ${r.peakRssMB}; ${r.baselinePeakRssMB}`);

const verdicts = evaluate({
  pgRatio: pgRes?.ratio,
  pgAckP99: pgRes?.ack1000.p99,
  pgAckRate: pgRes?.ack1000.perSecond,
  e2eRate: e2eRes?.latency500.achievedRate,
  sqliteIngest: sqliteRes?.ingest.perSecond,
  e2ePerSecond: e2eRes?.throughput.perSecond,
  e2eP99: e2eRes?.latency500.p99,
  rateMaxWindow: e2eRes?.rate.maxWindow,
  rateMaxRps: e2eRes?.rate.maxRps,
  rateUtilisation: e2eRes?.rate.utilisation,
  loopUtilisation: e2eRes?.loop.utilisation,
  bootstrapRatio: e2eRes?.bootstrap.available ? e2eRes.bootstrap.ratio : undefined,
  rssMB: Math.max(...results.map((r) => r.peakRssMB ?? 0)) || undefined,
});
const verdictRows = [
  ['target', 'measured', 'goal', 'verdict'],
  ...verdicts.map((v) => [
    v.metric,
    v.value === null ? null : `${v.value}${v.unit}`,
    v.target,
    `${v.pass === null ? 'n/a' : v.pass ? 'PASS' : 'MISS'} ${v.by}`,
  ]),
];

const scaleRows = [
  ['scale-out (PostgreSQL)', 'executions/s', 'stored / acked', 'duplicate calls', 'max 1-s window / max_rps'],
  ...scaleOut.map((r) => [
    `K=${r.k}: ${r.k} web + ${r.k} worker on ${r.cores} cores`,
    `${r.throughput.perSecond} (${r.throughput.actions}/${r.throughput.webhooks})`,
    `${r.checks.stored} / ${r.checks.acked}`,
    r.checks.duplicateActions,
    `${r.checks.maxWindow} / ${r.checks.maxRps}`,
  ]),
];
const listRowsTable = listResult
  ? [
      [
        `webhooks.list, ${listResult.rows.toLocaleString('en')} rows (${listResult.hotRows.toLocaleString('en')} in the workspace)`,
        'p50 ms',
        'p95 ms',
        'goal p95',
      ],
      ...listResult.queries.map((q) => [q.name, q.p50, q.p95, '≤ 50 ms']),
    ]
  : null;
process.stdout.write(
  `\n${table(rows)}\n\n${table(verdictRows)}\n${scaleOut.length > 0 ? `\n${table(scaleRows)}\n` : ''}${listRowsTable ? `\n${table(listRowsTable)}\n` : ''}`,
);
const file = join(outDir, `${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ startedAt: new Date(started).toISOString(), seconds: (Date.now() - started) / 1000, quick, argv: process.argv.slice(2), serverEntry: process.env.UW_BENCH_SERVER_ENTRY ?? null, machine, loadavgEnd: loadavg(), results, verdicts, scaleOut, listScale: listResult }, null, 2)}\n`,
);
log(`wrote ${file}`);
process.exit(0);
