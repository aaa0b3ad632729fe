import type { TSimulator } from '@uw/simulator';

import { installLikeClockify, ownerClient, updateSettings } from '../test-faults/support/clockify';
import { round, windowStats } from './stats';

/** A manual flow: forEach over the payload's items, one Clockify call per item (named after the run and the item). */
const loopFlow = (prefix: string) => ({
  nodes: [
    { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'manual' } },
    { id: 'each', kind: 'forEach', position: { x: 0, y: 100 }, data: { items: 'payload.items' } },
    {
      id: 'tag',
      kind: 'clockify',
      position: { x: 0, y: 200 },
      data: { operationId: 'createNewTag', path: {}, query: {}, body: `{ "name": "${prefix} " & $item }` },
    },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'each' },
    { id: 'e2', source: 'each', target: 'tag', branch: 'body' },
  ],
});

export type TLoopRate = {
  items: number;
  maxRps: number;
  status: string;
  calls: number;
  seconds: number;
  maxWindow: number;
  meanFull: number;
  fullSeconds: number;
  /** Mean calls per full second / `max_rps`. */
  utilisation: number;
};

/**
 * One execution whose loop makes `items` Clockify calls one after another, in a workspace whose `max_rps`
 * is `maxRps`: how much of the limit the loop uses (calls per full wall-clock second at the simulator).
 */
export async function loopRate(
  sim: TSimulator,
  at: { serverUrl: string; workspaceId: string },
  o: { maxRps: number; items: number; capMs: number },
): Promise<TLoopRate> {
  const { serverUrl, workspaceId } = at;
  await installLikeClockify(sim, serverUrl, workspaceId);
  await updateSettings(sim, { serverUrl, workspaceId }, { max_rps: o.maxRps });
  const api = await ownerClient(sim, serverUrl, workspaceId);
  const prefix = `loop${Date.now().toString(36)}`;
  const flow = await api.flows.create.mutate({ name: 'bench loop', enabled: true, definition: loopFlow(prefix) as never });
  const started = Date.now();
  const items = Array.from({ length: o.items }, (_, i) => i);
  const { executionId } = await api.flows.run.mutate({ id: flow.id, sample: { items } });
  let status = 'queued';
  while (status !== 'succeeded' && status !== 'failed' && Date.now() - started < o.capMs) {
    await new Promise((r) => setTimeout(r, 100));
    status = (await api.executions.get.query({ id: executionId })).status;
  }
  const times = sim.requests
    .filter((r) => r.operationId === 'createNewTag' && (r.body as { name?: string } | undefined)?.name?.startsWith(`${prefix} `))
    .map((r) => r.at);
  const stats = windowStats(times);

  return {
    items: o.items,
    maxRps: o.maxRps,
    status,
    calls: times.length,
    seconds: round((Date.now() - started) / 1000, 2),
    maxWindow: stats.max,
    meanFull: round(stats.meanFull),
    fullSeconds: stats.fullSeconds,
    utilisation: round(stats.meanFull / o.maxRps, 3),
  };
}
