import type { TSimulator } from '@uw/simulator';

import { installLikeClockify, ownerClient, updateSettings } from '../test-faults/support/clockify';
import { round, windowStats } from './stats';

export type TBootstrapBench = {
  available: boolean;
  note?: string;
  status?: string;
  requests?: number;
  maxRps?: number;
  wallSeconds?: number;
  idealSeconds?: number;
  ratio?: number;
  maxWindow?: number;
  entities?: number;
  /** Where the wall time went: before the first request, requests per aligned second, after the last one. */
  timeline?: { firstRequestAfterMs: number; perSecond: number[]; afterLastRequestMs: number };
};

const FINISHED = new Set(['completed', 'completed_with_errors', 'failed']);

/** bootstrap.trigger on a seeded workspace: wall time vs the time its requests need at max_rps. */
export async function bootstrapBench(
  sim: TSimulator,
  at: { url: string; workspaceId: string },
  limits: { maxRps: number; capMs: number },
): Promise<TBootstrapBench> {
  const { url, workspaceId } = at;
  const { maxRps, capMs } = limits;
  await installLikeClockify(sim, url, workspaceId);
  await updateSettings(sim, { serverUrl: url, workspaceId }, { max_rps: maxRps, include_time_entries: true, time_entry_days_back: 3650 });
  // The install itself calls Clockify (it registers the webhooks the manifest cannot declare) under the
  // same per-workspace limit: let those seconds pass, so the bootstrap is timed against its own requests.
  const lastInstallCall = Math.max(0, ...sim.requests.filter((r) => r.workspaceId === workspaceId).map((r) => r.at));
  await new Promise((r) => setTimeout(r, Math.max(0, lastInstallCall + 1_100 - Date.now())));
  const api = await ownerClient(sim, url, workspaceId);
  const bootstrap = (api as unknown as { bootstrap?: { trigger?: unknown } }).bootstrap;
  if (!bootstrap?.trigger) return { available: false, note: 'bootstrap.trigger is not in the router' };
  const from = Date.now();
  const started = await api.bootstrap.trigger.mutate({ restart: true });
  if (!started.started) return { available: false, note: `bootstrap did not start: ${started.reason}` };
  let status = started.status;
  while (!FINISHED.has(status.status) && Date.now() - from < capMs) {
    await new Promise((r) => setTimeout(r, 200));
    status = await api.bootstrap.status.query();
  }
  const calls = sim.requests.filter((r) => r.workspaceId === workspaceId && r.at >= from && r.method === 'GET');
  const times = calls.map((r) => r.at).sort((a, b) => a - b);
  const startedAt = status.startedAt ?? from;
  const endedAt = status.finishedAt ?? Date.now();
  const wall = (endedAt - startedAt) / 1000;
  const firstSecond = Math.floor((times[0] ?? startedAt) / 1000);
  const perSecond: number[] = [];
  for (const t of times) perSecond[Math.floor(t / 1000) - firstSecond] = (perSecond[Math.floor(t / 1000) - firstSecond] ?? 0) + 1;
  const ideal = calls.length / maxRps;

  return {
    available: true,
    status: FINISHED.has(status.status) ? status.status : `${status.status} (cut at ${capMs / 1000} s)`,
    requests: calls.length,
    maxRps,
    wallSeconds: round(wall, 2),
    idealSeconds: round(ideal, 2),
    ratio: round(wall / ideal, 2),
    maxWindow: windowStats(times).max,
    entities: status.entities,
    timeline: {
      firstRequestAfterMs: (times[0] ?? startedAt) - startedAt,
      perSecond: Array.from(perSecond, (n) => n ?? 0),
      afterLastRequestMs: endedAt - (times.at(-1) ?? endedAt),
    },
  };
}
