import { logQueries, type TDatabase } from '@uw/db';

const HOUR = 3_600_000;

/** Webhooks per hour by event type over the last `hours`, and outcome counts: for the dashboard chart. */
export async function webhookStats(db: TDatabase, workspaceId: string, hours = 24) {
  const since = Date.now() - hours * HOUR;
  const { perHour, outcomes } = await logQueries.countLogsSince(db, workspaceId, since);

  return {
    since,
    perHour: perHour.map((r) => ({ hour: Number(r.hour), eventType: r.event_type, count: Number(r.n) })),
    outcomes: Object.fromEntries(outcomes.map((r) => [r.outcome, Number(r.n)])) as Record<string, number>,
  };
}
