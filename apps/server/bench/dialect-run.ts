import { resolve } from 'node:path';

import Database from 'better-sqlite3';

import type { TDialect } from '@uw/db';
import { createScratchDatabase } from '@uw/db/testing';
import type { TSimulator } from '@uw/simulator';

import { installLikeClockify, webhookToken } from '../test-faults/support/clockify';
import { PG_ADMIN_URL } from '../test-faults/support/paths';
import { sqlClient } from '../test-faults/support/postgres';
import { freePort, spawnServer, type TServerProcess } from '../test-faults/support/server-process';
import { bootstrapBench, type TBootstrapBench } from './bootstrap';
import { backendPids, cpuMs, cpuSplit, dbCounters, withCpu } from './cpu';
import {
  e2eLatency,
  e2eThroughput,
  prepareWorkspaces,
  rateAdherence,
  type TE2eLatency,
  type TE2eThroughput,
  type TRateAdherence,
} from './e2e';
import { loopRate, type TLoopRate } from './loop';
import { fireWebhooks, type TFireResult, type TWebhookTarget } from './load';
import { round } from './stats';

export type TBenchConfig = {
  seconds: number;
  /** Turns of (ours, baseline) for the closed-loop ingest comparison. */
  rounds: number;
  e2e: boolean;
  e2eWorkspaces: string[];
  rateWorkspace: string;
  /** Runs the 100-item loop of Clockify calls. */
  loopWorkspace: string;
  bootstrapWorkspace: string;
  ingestWorkspace: string;
  logLevel: string;
  serverEnv: Record<string, string>;
  cpuProfDir: string | null;
  log: (line: string) => void;
};

export type TDialectResult = {
  dialect: TDialect;
  bodyBytes: number;
  ingest: TFireResult;
  baseline: TFireResult;
  ingestRuns: TFireResult[];
  baselineRuns: TFireResult[];
  /** CPU ms per acknowledged webhook in the server process and in its PostgreSQL backends (closed-loop runs). */
  cpuPerRequest: { ours: { nodeMs: number; dbMs: number; commits: number }; baseline: { nodeMs: number; dbMs: number; commits: number } };
  ratio: number;
  ack1000: TFireResult;
  rowsChecked: { expected: number; stored: number; duplicates: number };
  e2e?: {
    throughput: TE2eThroughput;
    perExecution: { nodeMs: number; nodeSystemMs: number; dbMs: number; commits: number };
    latency500: TE2eLatency;
    rate: TRateAdherence;
    loop: TLoopRate;
    bootstrap: TBootstrapBench;
  };
  peakRssMB: number | null;
  rssAtReadyMB: number | null;
  baselinePeakRssMB: number | null;
};

const BASELINE = resolve(import.meta.dirname, 'baseline.ts');

/** Counts what the ingest phases stored: every 2xx must be a row, none a duplicate. */
async function countRows(dialect: TDialect, url: string, workspaceId: string) {
  const sql =
    "select count(*) as n, sum(case when outcome = 'duplicate' then 1 else 0 end) as d from universal_webhook_log where workspace_id = ?";
  if (dialect === 'postgresql') {
    const client = sqlClient(url);
    const [row] = await client.rows<{ n: string; d: string }>(sql.replace('?', '$1'), [workspaceId]);
    await client.close();

    return { stored: Number(row!.n), duplicates: Number(row!.d ?? 0) };
  }
  const db = new Database(url, { readonly: true });
  const row = db.prepare(sql).get(workspaceId) as { n: number; d: number | null };
  db.close();

  return { stored: row.n, duplicates: row.d ?? 0 };
}

/** Everything measured on one dialect: the product and the baseline, on the same fresh database. */
export async function runDialect(sim: TSimulator, dialect: TDialect, c: TBenchConfig): Promise<TDialectResult> {
  const scratch = await createScratchDatabase(dialect, PG_ADMIN_URL);
  const port = await freePort();
  const nodeArgs = c.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${c.cpuProfDir}`] : [];
  const servers: TServerProcess[] = [];
  try {
    const server = await spawnServer({
      name: `uw-${dialect}`,
      port,
      nodeArgs,
      env: {
        UNIVERSAL_WEBHOOK_DB_URL: scratch.url,
        UW_CLOCKIFY_PUBLIC_KEY: sim.publicKeyPem,
        UW_ROLE: 'all',
        LOG_LEVEL: c.logLevel,
        UW_BOOTSTRAP_MAX_RPS: '50',
        ...c.serverEnv,
      },
    });
    servers.push(server);
    await server.waitReady(60_000);
    const rssAtReadyKb = server.rssKb();
    c.log(`${dialect}: server up (pid ${server.pid}, RSS ${Math.round((rssAtReadyKb ?? 0) / 1024)} MB, log ${server.logFile})`);
    await installLikeClockify(sim, server.url, c.ingestWorkspace);
    const sample = await sim.sendWebhook({ addonUrl: server.url, workspaceId: c.ingestWorkspace, eventType: 'NEW_TIME_ENTRY' });
    const template = { ...(sample.body as Record<string, unknown>), billable: true };
    const bodyBytes = Buffer.byteLength(JSON.stringify(template));
    const targets: TWebhookTarget[] = [
      {
        workspaceId: c.ingestWorkspace,
        signature: webhookToken(sim, { workspaceId: c.ingestWorkspace, eventType: 'NEW_TIME_ENTRY', serverUrl: server.url }),
      },
    ];

    // The baseline runs beside the (then idle) server, so both are measured in turns: ours, baseline, ours,
    // baseline… on the same database, and a change in the machine's load hits both sides alike.
    const baselineServer = await spawnServer({
      name: `baseline-${dialect}`,
      port: await freePort(),
      entry: BASELINE,
      env: { BASELINE_DB_URL: scratch.url },
    });
    servers.push(baselineServer);
    await baselineServer.waitReady(30_000);
    const warm = await fireWebhooks({ url: server.url, targets, template, prefix: 'warm', connections: 50, duration: 2 });
    await fireWebhooks({ url: baselineServer.url, targets, template, prefix: 'bwarm', connections: 50, duration: 2 });
    const ingestRuns: TFireResult[] = [];
    const baselineRuns: TFireResult[] = [];
    const dbName = dialect === 'postgresql' ? new URL(scratch.url).pathname.slice(1) : '';
    const pgPids = () => (dialect === 'postgresql' ? backendPids(PG_ADMIN_URL, dbName) : []);
    const cpu = { ours: { node: 0, db: 0, n: 0, commits: 0 }, base: { node: 0, db: 0, n: 0, commits: 0 } };
    const counters = async () => (dialect === 'postgresql' ? dbCounters(PG_ADMIN_URL, dbName) : { commits: 0, inserted: 0 });
    const measured = async (side: 'ours' | 'base', pid: number, run: () => Promise<TFireResult>) => {
      const nodeCpu = cpuMs(pid);
      const commits = (await counters()).commits;
      const { result, cpuMs: dbCpu } = await withCpu(pgPids, run);
      cpu[side].node += cpuMs(pid) - nodeCpu;
      cpu[side].db += dbCpu;
      cpu[side].n += result.ok;
      // pg_stat_database is flushed by the backends about once a second.
      if (dialect === 'postgresql') await new Promise((r) => setTimeout(r, 1_200));
      cpu[side].commits += (await counters()).commits - commits;

      return result;
    };
    for (let round = 1; round <= c.rounds; round++) {
      ingestRuns.push(
        await measured('ours', server.pid, () =>
          fireWebhooks({ url: server.url, targets, template, prefix: `ingest${round}`, connections: 50, duration: c.seconds }),
        ),
      );
      baselineRuns.push(
        await measured('base', baselineServer.pid, () =>
          fireWebhooks({ url: baselineServer.url, targets, template, prefix: `base${round}`, connections: 50, duration: c.seconds }),
        ),
      );
      const [o, b] = [ingestRuns.at(-1)!, baselineRuns.at(-1)!];
      c.log(
        `${dialect}: round ${round}: ingest ${Math.round(o.perSecond)}/s (p50 ${o.p50} ms, p99 ${o.p99} ms), baseline ${Math.round(b.perSecond)}/s (p50 ${b.p50} ms, p99 ${b.p99} ms)`,
      );
    }
    const perRequest = (x: { node: number; db: number; n: number; commits: number }) => ({
      nodeMs: round(x.node / x.n, 3),
      dbMs: round(x.db / x.n, 3),
      commits: round(x.commits / x.n, 3),
    });
    const cpuPerRequest = { ours: perRequest(cpu.ours), baseline: perRequest(cpu.base) };
    c.log(
      `${dialect}: per webhook: ours node ${cpuPerRequest.ours.nodeMs} ms + db ${cpuPerRequest.ours.dbMs} ms CPU, ${cpuPerRequest.ours.commits} commits; baseline node ${cpuPerRequest.baseline.nodeMs} ms + db ${cpuPerRequest.baseline.dbMs} ms, ${cpuPerRequest.baseline.commits} commits`,
    );
    const baselinePeak = baselineServer.peakRssKb();
    await baselineServer.stop();
    const ingest = mergeRuns(ingestRuns);
    const baseline = mergeRuns(baselineRuns);
    const ack1000 = await fireWebhooks({
      url: server.url,
      targets,
      template,
      prefix: 'rate',
      connections: 50,
      duration: c.seconds,
      overallRate: 1_000,
    });
    c.log(`${dialect}: at 1,000/s p50 ${ack1000.p50} ms p99 ${ack1000.p99} ms (${Math.round(ack1000.perSecond)}/s)`);
    const rows = await countRows(dialect, scratch.url, c.ingestWorkspace);
    const rowsChecked = { expected: 1 + warm.ok + ingest.ok + ack1000.ok, ...rows };

    let e2e: TDialectResult['e2e'];
    if (c.e2e) {
      // First, on a quiet server: the later phases leave work behind that would be timed with it.
      const bootstrap = await bootstrapBench(sim, { url: server.url, workspaceId: c.bootstrapWorkspace }, { maxRps: 25, capMs: 60_000 });
      c.log(`${dialect}: bootstrap ${JSON.stringify(bootstrap)}`);
      const e2eTargets = await prepareWorkspaces(sim, { serverUrl: server.url, ids: c.e2eWorkspaces });
      c.log(`${dialect}: ${e2eTargets.length} workspaces installed with the e2e flow`);
      const before = { node: cpuMs(server.pid), system: cpuSplit(server.pid).system, ...(await counters()) };
      const { result: throughput, cpuMs: dbCpu } = await withCpu(pgPids, () =>
        e2eThroughput(sim, { url: server.url, targets: e2eTargets, template }, { seconds: 5, maxWebhooks: 5_000, drainCapMs: 45_000 }),
      );
      if (dialect === 'postgresql') await new Promise((r) => setTimeout(r, 1_200));
      const perExecution = {
        nodeMs: round((cpuMs(server.pid) - before.node) / throughput.actions, 2),
        nodeSystemMs: round((cpuSplit(server.pid).system - before.system) / throughput.actions, 2),
        dbMs: round(dbCpu / throughput.actions, 2),
        commits: round(((await counters()).commits - before.commits) / throughput.actions, 1),
      };
      c.log(
        `${dialect}: e2e ${throughput.perSecond} executions/s (${throughput.actions}/${throughput.webhooks} in ${throughput.seconds} s); per execution (webhook included): node ${perExecution.nodeMs} ms (system ${perExecution.nodeSystemMs}) + db ${perExecution.dbMs} ms CPU, ${perExecution.commits} commits`,
      );
      const latency500 = await e2eLatency(
        sim,
        { url: server.url, targets: e2eTargets, template },
        { rate: 500, seconds: 6, drainCapMs: 30_000 },
      );
      c.log(
        `${dialect}: e2e at 500/s (achieved ${latency500.achievedRate}/s) p50 ${latency500.p50} ms p99 ${latency500.p99} ms (${latency500.actions}/${latency500.webhooks})`,
      );
      const [rateTarget] = await prepareWorkspaces(sim, { serverUrl: server.url, ids: [c.rateWorkspace], settings: { max_rps: 25 } });
      const rate = await rateAdherence(
        sim,
        { url: server.url, target: rateTarget!, template },
        { maxRps: 25, calls: 250, drainCapMs: 25_000 },
      );
      c.log(`${dialect}: rate max ${rate.maxWindow}/s, utilisation ${Math.round(rate.utilisation * 100)}%`);
      const loop = await loopRate(sim, { serverUrl: server.url, workspaceId: c.loopWorkspace }, { maxRps: 25, items: 100, capMs: 30_000 });
      c.log(
        `${dialect}: loop of 100 Clockify calls ${loop.status} in ${loop.seconds} s, max ${loop.maxWindow}/s, ${Math.round(loop.utilisation * 100)}% of max_rps`,
      );
      e2e = { throughput, perExecution, latency500, rate, loop, bootstrap };
    }
    const peak = server.peakRssKb();
    await server.stop(15_000);

    return {
      dialect,
      bodyBytes,
      ingest,
      baseline,
      ingestRuns,
      baselineRuns,
      cpuPerRequest,
      ratio: ingest.perSecond / baseline.perSecond,
      ack1000,
      rowsChecked,
      e2e,
      peakRssMB: peak === null ? null : Math.round(peak / 1024),
      rssAtReadyMB: rssAtReadyKb === null ? null : Math.round(rssAtReadyKb / 1024),
      baselinePeakRssMB: baselinePeak === null ? null : Math.round(baselinePeak / 1024),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
    await scratch.drop().catch(() => undefined);
  }
}

/** Several runs as one: total requests over total time; latency percentiles of the worse run (conservative). */
function mergeRuns(runs: TFireResult[]): TFireResult {
  const sum = (f: (r: TFireResult) => number) => runs.reduce((n, r) => n + f(r), 0);
  const worst = (f: (r: TFireResult) => number) => Math.max(...runs.map(f));
  const seconds = sum((r) => r.seconds);

  return {
    ok: sum((r) => r.ok),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    sent: sum((r) => r.sent),
    seconds,
    perSecond: sum((r) => r.ok) / seconds,
    p50: worst((r) => r.p50),
    p99: worst((r) => r.p99),
    p999: worst((r) => r.p999),
    statusCodes: runs.reduce<Record<string, number>>((acc, r) => {
      for (const [k, v] of Object.entries(r.statusCodes)) acc[k] = (acc[k] ?? 0) + v;

      return acc;
    }, {}),
  };
}
