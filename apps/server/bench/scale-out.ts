import { cpus } from 'node:os';

import { TABLE } from '@uw/db';
import { createScratchDatabase } from '@uw/db/testing';
import type { TSimulator } from '@uw/simulator';

import { PG_ADMIN_URL } from '../test-faults/support/paths';
import { sqlClient } from '../test-faults/support/postgres';
import { spawnServer, type TServerProcess } from '../test-faults/support/server-process';
import { e2eThroughput, prepareWorkspaces, type TE2eThroughput } from './e2e';
import { formatFrames, profilesOf, topSelfFrames, type TFrame } from './profile';
import { windowStats } from './stats';

export type TScaleOutRun = {
  k: number;
  cores: number;
  throughput: TE2eThroughput;
  checks: { acked: number; stored: number; executions: number; duplicateActions: number; maxWindow: number; maxRps: number };
  profiles?: { ingest: TFrame[]; execution: TFrame[] };
};

export type TScaleOutConfig = {
  k: number;
  workspaces: string[];
  template: Record<string, unknown>;
  maxRps: number;
  cpuProfDir: string | null;
  serverEnv: Record<string, string>;
  log: (line: string) => void;
};

/**
 * K `web` and K `worker` processes on one fresh PostgreSQL database: webhooks spread over the web processes, the
 * e2e flow (condition → one Clockify call) in every workspace. Reports executions/s and checks what must hold
 * whatever K is: every acknowledged webhook stored, each execution's Clockify call made once, and no workspace
 * above its `max_rps` in any second, across all processes (counted at the simulator).
 */
export async function runScaleOut(sim: TSimulator, c: TScaleOutConfig): Promise<TScaleOutRun> {
  const scratch = await createScratchDatabase('postgresql', PG_ADMIN_URL);
  const servers: TServerProcess[] = [];
  const nodeArgs = c.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${c.cpuProfDir}`] : [];
  try {
    const spawn = async (role: 'web' | 'worker', i: number) => {
      const s = await spawnServer({
        name: `scale-${role}-${c.k}-${i}`,
        nodeArgs,
        env: {
          UNIVERSAL_WEBHOOK_DB_URL: scratch.url,
          UW_CLOCKIFY_PUBLIC_KEY: sim.publicKeyPem,
          UW_ROLE: role,
          LOG_LEVEL: 'warn',
          ...c.serverEnv,
        },
      });
      servers.push(s);
      await s.waitReady(60_000);

      return s;
    };
    // The first web process migrates the database; the others start on it.
    const webs = [await spawn('web', 0)];
    for (let i = 1; i < c.k; i++) webs.push(await spawn('web', i));
    const workers = await Promise.all(Array.from({ length: c.k }, (_, i) => spawn('worker', i)));
    const targets = await prepareWorkspaces(sim, { serverUrl: webs[0]!.url, ids: c.workspaces, settings: { max_rps: c.maxRps } });
    const phaseStart = Date.now();
    const throughput = await e2eThroughput(
      sim,
      { url: webs.map((w) => w.url), targets, template: c.template },
      { seconds: 5, maxWebhooks: 4_000, drainCapMs: 45_000 },
    );
    const checks = await check(sim, { url: scratch.url, since: phaseStart, config: c, acked: throughput.webhooks });
    c.log(
      `scale-out K=${c.k}: ${throughput.perSecond} executions/s (${throughput.actions}/${throughput.webhooks}); stored ${checks.stored}/${checks.acked}, duplicate actions ${checks.duplicateActions}, max ${checks.maxWindow}/s per workspace (max_rps ${c.maxRps})`,
    );
    let profiles: TScaleOutRun['profiles'];
    await Promise.all(servers.map((s) => s.stop(15_000)));
    if (c.cpuProfDir) {
      const top = (group: TServerProcess[]) => topSelfFrames(group.flatMap((s) => profilesOf(c.cpuProfDir!, s.pid))[0] ?? '', 12);
      profiles = { ingest: safe(() => top(webs)), execution: safe(() => top(workers)) };
      c.log(formatFrames(`K=${c.k} ingest (web process)`, profiles.ingest));
      c.log(formatFrames(`K=${c.k} execution (worker process)`, profiles.execution));
    }

    return { k: c.k, cores: cpus().length, throughput, checks, profiles };
  } finally {
    await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
    await scratch.drop().catch(() => undefined);
  }
}

const safe = (f: () => TFrame[]): TFrame[] => {
  try {
    return f();
  } catch {
    return [];
  }
};

async function check(sim: TSimulator, o: { url: string; since: number; config: TScaleOutConfig; acked: number }) {
  const { url, since, config: c, acked } = o;
  const client = sqlClient(url);
  try {
    const [logs] = await client.rows<{ n: string }>(`select count(*) as n from ${TABLE.log} where outcome <> 'rejected'`);
    const [execs] = await client.rows<{ n: string }>(`select count(*) as n from ${TABLE.execution}`);
    const calls = sim.requests.filter((r) => r.at >= since && r.operationId === 'createNewTag' && r.status >= 200 && r.status < 300);
    const names = calls.map((r) => (r.body as { name?: string } | undefined)?.name ?? '');
    const perWorkspace = new Map<string, number[]>();
    for (const r of sim.requests.filter((x) => x.at >= since && c.workspaces.includes(x.workspaceId ?? ''))) {
      perWorkspace.set(r.workspaceId!, [...(perWorkspace.get(r.workspaceId!) ?? []), r.at]);
    }
    const maxWindow = Math.max(0, ...[...perWorkspace.values()].map((times) => windowStats(times).max));

    return {
      acked,
      stored: Number(logs!.n),
      executions: Number(execs!.n),
      duplicateActions: names.length - new Set(names).size,
      maxWindow,
      maxRps: c.maxRps,
    };
  } finally {
    await client.close();
  }
}
