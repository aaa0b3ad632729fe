import { flowRunQueries, type TDatabase } from '@uw/db';

import type { TEventBus } from '../events/event-bus';

export type TFlowMatch = { flowId: string; versionId: string };
export type TFlowIndex = {
  match(workspaceId: string, triggerKey: string): TFlowMatch[];
  /** Every workspace's flows filed under `triggerKey` (the scheduler's `schedule:cron`). */
  matchAll(triggerKey: string): (TFlowMatch & { workspaceId: string })[];
  /** Reloads now (after a local change) and tells other processes (through `bus`), which reload too. */
  refresh(): Promise<void>;
  start(): void;
  stop(): void;
};

/** `clockify:<EVENT>`, `custom:<sourceId>`, `internal:<EVENT>`, and `schedule:cron` for every schedule flow. */
export const triggerKeyOf = (source: 'clockify' | 'custom' | 'internal' | 'schedule', name: string) => `${source}:${name}`;
export const SCHEDULE_KEY = triggerKeyOf('schedule', 'cron');

/**
 * Enabled flows by (workspace, trigger) in memory, so matching a webhook costs no query. A local change
 * reloads at once and publishes `flows.changed` on the bus: with PostgreSQL's cluster bus every other process
 * reloads within milliseconds. A cheap fingerprint query (count + latest update) every `pollMs` is the safety net.
 */
export function createFlowIndex(
  db: TDatabase,
  opts: { pollMs?: number; onError?: (err: unknown) => void; bus?: TEventBus; origin?: string } = {},
): TFlowIndex {
  let byWorkspace = new Map<string, Map<string, TFlowMatch[]>>();
  let fingerprint = '';
  let timer: NodeJS.Timeout | null = null;
  let chain: Promise<void> = Promise.resolve();

  const load = async () => {
    const rows = await flowRunQueries.listEnabledFlowTriggers(db);
    const next = new Map<string, Map<string, TFlowMatch[]>>();
    for (const row of rows) {
      const keys = (typeof row.trigger_keys === 'string' ? JSON.parse(row.trigger_keys) : row.trigger_keys) as string[];
      const ws = next.get(row.workspace_id) ?? new Map<string, TFlowMatch[]>();
      next.set(row.workspace_id, ws);
      for (const key of keys) {
        ws.set(key, [...(ws.get(key) ?? []), { flowId: row.flow_id, versionId: row.version_id }]);
      }
    }
    byWorkspace = next;
  };

  const currentFingerprint = () => flowRunQueries.flowsFingerprint(db);

  /** Loads run one after another, so a refresh requested after a commit always sees it. */
  const reload = async () => {
    const run = chain.then(async () => {
      fingerprint = await currentFingerprint();
      await load();
    });
    chain = run.catch(() => undefined);
    await run;
  };

  const refresh = async () => {
    await reload();
    opts.bus?.publish({ type: 'flows.changed', workspaceId: '*', origin: opts.origin ?? '' });
  };
  // Other processes' changes: listened to from creation (a process that never starts polling still follows them).
  const unlisten =
    opts.bus?.listen('flows.changed', (event) => {
      if (event.type === 'flows.changed' && event.origin !== opts.origin) reload().catch((err: unknown) => opts.onError?.(err));
    }) ?? null;

  const poll = async () => {
    try {
      if ((await currentFingerprint()) !== fingerprint) await reload();
    } catch (err) {
      opts.onError?.(err);
    }
  };

  return {
    match: (workspaceId, key) => byWorkspace.get(workspaceId)?.get(key) ?? [],
    matchAll: (key) => [...byWorkspace].flatMap(([workspaceId, keys]) => (keys.get(key) ?? []).map((m) => ({ ...m, workspaceId }))),
    refresh,
    start() {
      timer ??= setInterval(() => void poll(), opts.pollMs ?? 1_000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      unlisten?.();
    },
  };
}
