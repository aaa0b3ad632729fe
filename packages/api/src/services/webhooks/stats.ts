import type { TDatabase } from '@uw/db';

const HOUR = 3_600_000;

/** Webhooks per hour by event type over the last `hours`, and outcome counts: for the dashboard chart. */
export async function webhookStats(db: TDatabase, workspaceId: string, hours = 24) {
  const since = Date.now() - hours * HOUR;
  const bucket = db.dialect === 'postgresql' ? 'floor(received_at / 3600000)::bigint * 3600000' : '(received_at / 3600000) * 3600000';
  const perHour = (await db
    .knex()('universal_webhook_log')
    .where('workspace_id', workspaceId)
    .andWhere('received_at', '>=', since)
    .select(db.knex().raw(`${bucket} as hour`), 'event_type')
    .count({ n: '*' })
    .groupByRaw(`${bucket}, event_type`)
    .orderBy('hour')) as unknown as { hour: string | number; event_type: string; n: string | number }[];
  const outcomes = (await db
    .knex()('universal_webhook_log')
    .where('workspace_id', workspaceId)
    .andWhere('received_at', '>=', since)
    .select('outcome')
    .count({ n: '*' })
    .groupBy('outcome')) as unknown as { outcome: string; n: string | number }[];

  return {
    since,
    perHour: perHour.map((r) => ({ hour: Number(r.hour), eventType: r.event_type, count: Number(r.n) })),
    outcomes: Object.fromEntries(outcomes.map((r) => [r.outcome, Number(r.n)])) as Record<string, number>,
  };
}
