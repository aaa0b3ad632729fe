import { executionQueries, logQueries } from '@uw/db';

import type { TRuntime } from '../../runtime';
import type { TStoredTrigger } from '../triggers/queue-triggered';
import type { TClaimed } from './claim';

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/**
 * What a claimed execution's expressions see as `event`, `payload` and `headers`: its webhook's (the log
 * row, from this process's recent logs when it just arrived, or as the claim read it), or the input stored with it by a schedule,
 * a manual run or an internal event.
 */
export async function loadTrigger(runtime: TRuntime, claimed: TClaimed): Promise<TStoredTrigger> {
  if (!claimed.log_id) {
    const stored = parse(await executionQueries.findExecutionTrigger(runtime.deps.db, claimed.workspace_id, claimed.id)) as
      Partial<TStoredTrigger> | undefined;
    if (stored?.event) return { event: stored.event, payload: stored.payload ?? null, headers: stored.headers ?? {} };

    return {
      event: { type: 'manual', source: 'manual', receivedAt: new Date().toISOString(), id: claimed.id },
      payload: null,
      headers: {},
    };
  }
  // This process's recent webhooks, else the row the claim read along (PostgreSQL), else one read.
  const recent = runtime.recentLogs.get(claimed.workspace_id, claimed.log_id);
  const log = recent ?? claimed.log ?? (await logQueries.findLogTrigger(runtime.deps.db, claimed.workspace_id, claimed.log_id));

  return {
    event: {
      type: String(log?.event_type ?? ''),
      source: String(log?.source ?? ''),
      receivedAt: new Date(Number(log?.received_at ?? 0)).toISOString(),
      id: claimed.log_id,
    },
    payload: parse(log?.payload ?? null),
    headers: (parse(log?.headers ?? '{}') ?? {}) as Record<string, string>,
  };
}
