import { startSimulator, type TSimulator, type TSimulatorOptions } from '@uw/simulator';

import { installLikeClockify, ownerClient, type TOwnerClient } from './clockify';
import { scratchPostgres, sqlClient, type TSqlClient } from './postgres';
import { spawnServer, type TServerProcess } from './server-process';

/** One condition that never passes: executions are queued and finish without calling Clockify. */
export const BLOCKED_FLOW = {
  nodes: [
    { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_TIME_ENTRY'] } },
    { id: 'never', kind: 'condition', position: { x: 0, y: 100 }, data: { expression: 'payload.description = "no such description"' } },
  ],
  edges: [{ id: 'e1', source: 'trigger', target: 'never' }],
};

/** NEW_TIME_ENTRY → `payload.billable = true` → one Clockify call: a tag named `<prefix> <time entry id>`. */
export const billableTagFlow = (prefix: string) => ({
  nodes: [
    { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_TIME_ENTRY'] } },
    { id: 'billable', kind: 'condition', position: { x: 0, y: 100 }, data: { expression: 'payload.billable = true' } },
    {
      id: 'tag',
      kind: 'clockify',
      position: { x: 0, y: 200 },
      data: { operationId: 'createNewTag', path: {}, query: {}, body: `{ "name": "${prefix} " & payload.id }` },
    },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'billable' },
    { id: 'e2', source: 'billable', target: 'tag' },
  ],
});

export type TScenario = {
  sim: TSimulator;
  dbUrl: string;
  sql: TSqlClient;
  servers: TServerProcess[];
  /** Spawns a server on the scenario's database (or `dbUrl`), remembered for cleanup. */
  spawn(name: string, env?: Record<string, string>, opts?: { port?: number; dbUrl?: string }): Promise<TServerProcess>;
  install(serverUrl: string, workspaceId: string): Promise<TOwnerClient>;
  close(): Promise<void>;
};

/** A simulator, a scratch PostgreSQL database and a place to keep the server processes of one suite. */
export async function createScenario(opts: { sim?: TSimulatorOptions } = {}): Promise<TScenario> {
  const sim = await startSimulator({ rateLimitPerSecond: 1_000, ...opts.sim });
  const scratch = await scratchPostgres();
  const sql = sqlClient(scratch.url);
  const servers: TServerProcess[] = [];
  const scenario: TScenario = {
    sim,
    dbUrl: scratch.url,
    sql,
    servers,
    async spawn(name, env = {}, o = {}) {
      const server = await spawnServer({
        name,
        port: o.port,
        env: { UNIVERSAL_WEBHOOK_DB_URL: o.dbUrl ?? scratch.url, UW_CLOCKIFY_PUBLIC_KEY: sim.publicKeyPem, ...env },
      });
      servers.push(server);

      return server;
    },
    async install(serverUrl, workspaceId) {
      await installLikeClockify(sim, serverUrl, workspaceId);

      return ownerClient(sim, serverUrl, workspaceId);
    },
    async close() {
      await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
      await sql.close().catch(() => undefined);
      await sim.close().catch(() => undefined);
      await scratch.drop().catch(() => undefined);
    },
  };

  return scenario;
}
