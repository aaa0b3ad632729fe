import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { TDialect } from '@uw/db';
import { startSimulator, type TSeedOptions, type TSimulator } from '@uw/simulator';

import { installLikeClockify, startTestServer, trpcClient, waitFor, type TTestServer } from './utils';

/** A node at a throwaway position. */
export const node = (id: string, kind: string, data: object) => ({ id, kind, position: { x: 0, y: 0 }, data });
/** An edge from `source` to `target`, on `branch` when given. */
export const edge = (source: string, target: string, branch?: string) => ({
  id: `${source}-${target}`,
  source,
  target,
  ...(branch ? { branch } : {}),
});
/** An HTTP action posting `body` (an expression) to `url`. */
export const post = (id: string, url: string, body: string) =>
  node(id, 'http', { method: 'POST', url: JSON.stringify(url), headers: { 'Content-Type': '"application/json"' }, body });

export type THit = { path: string; body: unknown; headers: Record<string, unknown> };

export type TReceiver = { url: string; hits: THit[]; server: Server };

/** A loopback HTTP receiver recording every request; paths starting `/fail` answer 400. */
export async function startReceiver(host = '127.0.0.2'): Promise<TReceiver> {
  const hits: THit[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      hits.push({ path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : null });
      res.statusCode = (req.url ?? '').startsWith('/fail') ? 400 : 200;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: res.statusCode === 200 }));
    });
  }).listen(0, host);
  await new Promise((r) => server.once('listening', r));

  return { url: `http://${host}:${(server.address() as AddressInfo).port}`, hits, server };
}

type TApi = ReturnType<typeof trpcClient>;

export type TFlowScenarioOptions = {
  dialect: TDialect;
  seed: TSeedOptions;
  /** The workspace whose owner `api` signs in as. */
  workspaceId: string;
  /** The workspaces installed like Clockify would before the tests; default: `workspaceId` alone. */
  installed?: string[];
  /** The test server's options besides its dialect and Clockify's key. */
  server?: Omit<Parameters<typeof startTestServer>[0], 'dialect' | 'clockifyPem'>;
};

export type TFlowScenario = {
  sim: TSimulator;
  server: TTestServer;
  /** The tRPC client of `workspaceId`'s owner. */
  api: TApi;
  /** Stops the bootstraps, then closes the server, the simulator and the receiver if there is one. */
  close(): Promise<void>;
};

export type TReceiverScenario = TFlowScenario & { receiver: TReceiver };

/**
 * The simulator seeded with `seed`, a test server that trusts it with the add-on installed, and its owner's client.
 * With `receiver: true`, also a loopback receiver the flows' HTTP actions may post to (allow-listed, generic HTTP on).
 */
export async function startFlowScenario(opts: TFlowScenarioOptions & { receiver: true }): Promise<TReceiverScenario>;
export async function startFlowScenario(opts: TFlowScenarioOptions): Promise<TFlowScenario>;
export async function startFlowScenario(
  opts: TFlowScenarioOptions & { receiver?: boolean },
): Promise<TFlowScenario & { receiver?: TReceiver }> {
  const receiver = opts.receiver ? await startReceiver() : undefined;
  const sim = await startSimulator({ seed: opts.seed });
  const receiverEnv: Record<string, string> = receiver
    ? { UW_HTTP_ALLOWLIST: `${new URL(receiver.url).hostname}:*`, UW_ENABLE_GENERIC_HTTP_ACTIONS: 'true' }
    : {};
  const server = await startTestServer({
    ...opts.server,
    dialect: opts.dialect,
    clockifyPem: sim.publicKeyPem,
    env: { ...receiverEnv, ...opts.server?.env },
  });
  for (const workspaceId of opts.installed ?? [opts.workspaceId]) {
    const installed = await installLikeClockify(sim, server.url, workspaceId);
    if (installed.status !== 200) throw new Error(`installing into ${workspaceId} answered ${installed.status}`);
  }
  const api = trpcClient(server.url, await sim.userToken(opts.workspaceId, { role: 'OWNER' }));

  return {
    sim,
    server,
    api,
    receiver,
    async close() {
      await server.deps.runtime.bootstraps.stop();
      await server.close();
      await sim.close();
      receiver?.server.close();
    },
  };
}

/** Waits until the execution has finished (succeeded, filtered or failed) and returns its timeline. */
export const finished = (api: TApi, id: string, timeoutMs = 20_000) =>
  waitFor(async () => {
    const e = await api.executions.get.query({ id });

    return e.status === 'succeeded' || e.status === 'filtered' || e.status === 'failed' ? e : null;
  }, timeoutMs);

/** Creates a flow and runs it now with `sample`; returns the flow id and the finished execution. */
export async function createAndRun(api: TApi, flow: { name: string; definition: object; sample?: unknown }) {
  const created = await api.flows.create.mutate({ name: flow.name, definition: flow.definition as never });
  const { executionId } = await api.flows.run.mutate({ id: created.id, sample: flow.sample });

  return { flowId: created.id, execution: await finished(api, executionId) };
}
