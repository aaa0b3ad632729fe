import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { waitFor, type trpcClient } from './utils';

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

/** A loopback HTTP receiver recording every request; paths starting `/fail` answer 400. */
export async function startReceiver(host = '127.0.0.2'): Promise<{ url: string; hits: THit[]; server: Server }> {
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
