// temporary diagnostic (deleted after use)
import { createScratchDatabase } from '@uw/db/testing';
import { startSimulator } from '@uw/simulator';
import { installLikeClockify, webhookToken } from '../test-faults/support/clockify';
import { sqlClient } from '../test-faults/support/postgres';
import { spawnServer } from '../test-faults/support/server-process';
import { cpuSplit } from './cpu';
import { prepareWorkspaces } from './e2e';
import { fireWebhooks } from './load';
const N = Number(process.env.N ?? 3000);
const wsId = (n: number) => `bench${String(n).padStart(19, '0')}`;
const ids = Array.from({ length: 40 }, (_, i) => wsId(100 + i));
const sim = await startSimulator({ rateLimitPerSecond: 100_000, seed: { workspaces: [{ id: wsId(1) }, ...ids.map((id) => ({ id, users: 1, clients: 1, projects: 1, tags: 1, timeEntries: 1 }))] } });
const scratch = await createScratchDatabase('postgresql');
const env = { UNIVERSAL_WEBHOOK_DB_URL: scratch.url, UW_CLOCKIFY_PUBLIC_KEY: sim.publicKeyPem, UW_BOOTSTRAP_MAX_RPS: '50', LOG_LEVEL: 'warn', ...(process.env.CONC ? { UW_WORKER_CONCURRENCY: process.env.CONC } : {}) };
const server = await spawnServer({ name: 'diag', env: { ...env, UW_ROLE: 'web' } });
await server.waitReady(60_000);
await installLikeClockify(sim, server.url, wsId(1));
const template = { ...((await sim.sendWebhook(server.url, wsId(1), 'NEW_TIME_ENTRY')).body as object), billable: true };
const targets = await prepareWorkspaces(sim, server.url, ids);
const sql = sqlClient(scratch.url);
// Freeze the worker while the backlog is built, so ingest and execution are measured apart.
const t0 = Date.now();
const fired = await fireWebhooks({ url: server.url, targets, template, prefix: 'd', connections: 32, amount: N });
console.log(`ingest of ${fired.ok} took ${Date.now() - t0} ms`);
const worker = await spawnServer({ name: 'diag-w', env: { ...env, UW_ROLE: 'worker' } });
await worker.waitReady(60_000);
const c0 = cpuSplit(worker.pid);
const s0 = Date.now();
let last = 0;
for (let i = 0; i < 120; i++) {
  await new Promise((r) => setTimeout(r, 1000));
  const rows = await sql.rows<{ status: string; n: string }>('select status, count(*) n from universal_webhook_flow_execution group by status');
  const done = sim.requests.filter((r) => r.operationId === 'createNewTag').length;
  console.log(`t+${i + 1}s ${JSON.stringify(Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])))} actions/s ${done - last}`);
  last = done;
  if (!rows.some((r) => r.status === 'queued' || r.status === 'running')) break;
}
const c1 = cpuSplit(worker.pid);
console.log(`drain ${(Date.now() - s0) / 1000} s; node CPU per execution ${((c1.user + c1.system - c0.user - c0.system) / N).toFixed(2)} ms`);
await server.stop(); await worker.stop(); await sql.close(); await sim.close(); await scratch.drop();
process.exit(0);
