import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { waitFor, type trpcClient } from './utils';

type TApi = ReturnType<typeof trpcClient>;

/**
 * A loopback receiver for cancel and limit tests. Every request is recorded by path; `inflight` / `maxInflight`
 * count requests being answered at once. Paths under `/hold` wait until `release()`; the others answer
 * after `delayMs`.
 */
export async function startSlowReceiver(opts: { delayMs?: number; host?: string } = {}) {
  const host = opts.host ?? '127.0.0.2';
  const state = { paths: [] as string[], inflight: 0, maxInflight: 0 };
  let opened: () => void = () => undefined;
  let gate = new Promise<void>((r) => (opened = r));
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '';
      state.paths.push(path);
      state.inflight++;
      state.maxInflight = Math.max(state.maxInflight, state.inflight);
      const wait = path.startsWith('/hold') ? gate : new Promise((r) => setTimeout(r, opts.delayMs ?? 0));
      void wait.then(() => {
        state.inflight--;
        res.setHeader('content-type', 'application/json');
        res.end('{"ok":true}');
      });
    });
  }).listen(0, host);
  await new Promise((r) => server.once('listening', r));

  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    state,
    count: (path: string) => state.paths.filter((p) => p === path).length,
    /** Answers the held requests (and any later ones at once) until `hold()`. */
    release: () => opened(),
    /** Holds `/hold` requests again. */
    hold: () => {
      gate = new Promise<void>((r) => (opened = r));
    },
    reset: () => Object.assign(state, { paths: [], inflight: 0, maxInflight: 0 }),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type TSlowReceiver = Awaited<ReturnType<typeof startSlowReceiver>>;

/** Waits until the execution is in one of `statuses`; returns its detail. */
export const statusOf = (api: TApi, id: string, statuses: string[]) =>
  waitFor(async () => {
    const e = await api.executions.get.query({ id });

    return statuses.includes(e.status) ? e : null;
  }, 20_000);

/** Queues `n` manual runs of a flow; their execution ids in order. */
export async function runTimes(api: TApi, flowId: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await api.flows.run.mutate({ id: flowId, sample: { i } })).executionId);

  return ids;
}

/** The executions' statuses, in the order of `ids`. */
export const statusesOf = async (api: TApi, ids: string[]) =>
  Promise.all(ids.map(async (id) => (await api.executions.get.query({ id })).status));
