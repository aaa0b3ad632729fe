import type { TSimulator } from '@uw/simulator';

import { installLikeClockify, ownerClient, updateSettings, webhookToken } from '../test-faults/support/clockify';
import { fireWebhooks, type TWebhookTarget } from './load';
import { percentile, round, windowStats } from './stats';

/** webhook → JSONata condition → one Clockify call whose body carries the webhook's id (to time it). */
export const E2E_FLOW = {
  nodes: [
    { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_TIME_ENTRY'] } },
    {
      id: 'billable',
      kind: 'condition',
      position: { x: 0, y: 100 },
      data: { expression: 'payload.billable = true and $length(payload.id) > 0' },
    },
    {
      id: 'tag',
      kind: 'clockify',
      position: { x: 0, y: 200 },
      data: { operationId: 'createNewTag', path: {}, query: {}, body: '{ "name": "e2e " & payload.id }' },
    },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'billable' },
    { id: 'e2', source: 'billable', target: 'tag' },
  ],
};

/** Where e2e webhooks go (one server URL, or several web processes), for which workspaces, with which body. */
export type TE2eLoad<TUrl = string> = { url: TUrl; targets: TWebhookTarget[]; template: Record<string, unknown> };

/** Installs each workspace like Clockify does (optionally with settings) and gives it the e2e flow. */
export async function prepareWorkspaces(
  sim: TSimulator,
  to: { serverUrl: string; ids: string[]; settings?: Record<string, unknown> },
): Promise<TWebhookTarget[]> {
  const { serverUrl, ids, settings } = to;
  const targets: TWebhookTarget[] = [];
  for (let i = 0; i < ids.length; i += 8) {
    await Promise.all(
      ids.slice(i, i + 8).map(async (id) => {
        await installLikeClockify(sim, serverUrl, id);
        if (settings) await updateSettings(sim, { serverUrl, workspaceId: id }, settings);
        const api = await ownerClient(sim, serverUrl, id);
        await api.flows.create.mutate({ name: 'bench e2e', enabled: true, definition: E2E_FLOW as never });
        targets.push({ workspaceId: id, signature: webhookToken(sim, { workspaceId: id, eventType: 'NEW_TIME_ENTRY', serverUrl }) });
      }),
    );
  }

  return targets;
}

/** Times (simulator arrival) of the e2e Clockify calls whose webhook id starts with `prefix`. */
function actionsOf(sim: TSimulator, prefix: string): Map<string, number> {
  const out = new Map<string, number>();
  const marker = `e2e ${prefix}-`;
  for (const r of sim.requests) {
    if (r.operationId !== 'createNewTag' || r.status < 200 || r.status >= 300) continue;
    const name = (r.body as { name?: string } | undefined)?.name;
    if (name?.startsWith(marker) && !out.has(name.slice(4))) out.set(name.slice(4), r.at);
  }

  return out;
}

async function drain(
  sim: TSimulator,
  until: { prefix: string; expected: number; capMs: number },
): Promise<{ done: Map<string, number>; waitedMs: number }> {
  const { prefix, expected, capMs } = until;
  const started = Date.now();
  let done = actionsOf(sim, prefix);
  while (done.size < expected && Date.now() - started < capMs) {
    await new Promise((r) => setTimeout(r, 250));
    done = actionsOf(sim, prefix);
  }

  return { done, waitedMs: Date.now() - started };
}

export type TE2eThroughput = {
  webhooks: number;
  actions: number;
  seconds: number;
  perSecond: number;
  steadyPerSecond: number;
  /** Executions/s after the last webhook was answered: the workers alone, on the backlog. */
  drainPerSecond: number;
  drained: boolean;
  ingestPerSecond: number;
};

/**
 * As many webhooks as the server takes for `seconds`, then the executions/s from first send to last action.
 * Several `web` processes (the scale-out mode) share the load evenly, each with its own connections.
 */
export async function e2eThroughput(
  sim: TSimulator,
  load: TE2eLoad<string | string[]>,
  o: { seconds: number; maxWebhooks: number; drainCapMs: number },
): Promise<TE2eThroughput> {
  const { url, targets, template } = load;
  const urls = Array.isArray(url) ? url : [url];
  const prefix = `tp${Date.now().toString(36)}`;
  let first = Number.POSITIVE_INFINITY;
  const share = Math.ceil(o.maxWebhooks / urls.length);
  const runs = await Promise.all(
    urls.map((u, i) =>
      fireWebhooks({
        url: u,
        targets,
        template,
        prefix: `${prefix}-${i}`,
        connections: 32,
        amount: share,
        overallRate: Math.ceil(share / o.seconds),
        onSend: (_id, at) => (first = Math.min(first, at)),
      }),
    ),
  );
  const fired = { ok: runs.reduce((n, r) => n + r.ok, 0), perSecond: runs.reduce((n, r) => n + r.perSecond, 0) };
  const ingestEnded = Date.now();
  const { done } = await drain(sim, { prefix, expected: fired.ok, capMs: o.drainCapMs });
  const times = [...done.values()].sort((a, b) => a - b);
  const last = times.at(-1) ?? Date.now();
  const afterIngest = times.filter((t) => t > ingestEnded).length;
  const seconds = (last - first) / 1000;
  const lo = percentile(times, 10);
  const hi = percentile(times, 90);

  return {
    webhooks: fired.ok,
    actions: done.size,
    seconds: round(seconds, 2),
    perSecond: round(done.size / seconds),
    steadyPerSecond: round((0.8 * times.length) / ((hi - lo) / 1000)),
    drainPerSecond: last > ingestEnded ? round(afterIngest / ((last - ingestEnded) / 1000)) : Number.NaN,
    drained: done.size >= fired.ok,
    ingestPerSecond: round(fired.perSecond),
  };
}

export type TE2eLatency = {
  rate: number;
  /** The webhook rate actually achieved (the target rate is only an upper bound when the server acks slowly). */
  achievedRate: number;
  webhooks: number;
  actions: number;
  p50: number;
  p99: number;
  max: number;
  drained: boolean;
};

/** Webhooks at a fixed rate; latency = simulator arrival of the action − the webhook's send time. */
export async function e2eLatency(
  sim: TSimulator,
  load: TE2eLoad,
  o: { rate: number; seconds: number; drainCapMs: number },
): Promise<TE2eLatency> {
  const { url, targets, template } = load;
  const prefix = `lt${Date.now().toString(36)}`;
  const sentAt = new Map<string, number>();
  const fired = await fireWebhooks({
    url,
    targets,
    template,
    prefix,
    connections: 20,
    amount: o.rate * o.seconds,
    overallRate: o.rate,
    onSend: (id, at) => sentAt.set(id, at),
  });
  const { done } = await drain(sim, { prefix, expected: fired.ok, capMs: o.drainCapMs });
  const latencies: number[] = [];
  for (const [id, sent] of sentAt) {
    const at = done.get(id);
    // Not done within the cap: counted at the cap (so the percentiles stay honest, as lower bounds).
    latencies.push(at === undefined ? Date.now() - sent : at - sent);
  }
  latencies.sort((a, b) => a - b);

  return {
    rate: o.rate,
    achievedRate: round(fired.perSecond),
    webhooks: fired.ok,
    actions: done.size,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    drained: done.size >= fired.ok,
  };
}

export type TRateAdherence = {
  maxRps: number;
  calls: number;
  maxWindow: number;
  maxWindowAllCalls: number;
  meanFull: number;
  fullSeconds: number;
  utilisation: number;
};

/** One workspace with a backlog of `calls` executions: its Clockify calls per aligned second. */
export async function rateAdherence(
  sim: TSimulator,
  load: { url: string; target: TWebhookTarget; template: Record<string, unknown> },
  o: { maxRps: number; calls: number; drainCapMs: number },
): Promise<TRateAdherence> {
  const { url, target, template } = load;
  const prefix = `rt${Date.now().toString(36)}`;
  const phaseStart = Date.now();
  const fired = await fireWebhooks({ url, targets: [target], template, prefix, connections: 10, amount: o.calls });
  const { done } = await drain(sim, { prefix, expected: fired.ok, capMs: o.drainCapMs });
  const stats = windowStats([...done.values()]);
  // Every call to this workspace in the phase (whatever it was), not only the flow's.
  const all = windowStats(sim.requests.filter((r) => r.workspaceId === target.workspaceId && r.at >= phaseStart).map((r) => r.at));

  return {
    maxRps: o.maxRps,
    calls: done.size,
    maxWindow: stats.max,
    maxWindowAllCalls: all.max,
    meanFull: round(stats.meanFull),
    fullSeconds: stats.fullSeconds,
    utilisation: round(stats.meanFull / o.maxRps, 3),
  };
}
