import type { TDatabase } from '../database';
import type { TLogRow } from './rows';
import { insertChunked, type TSql } from './sql';
import { TABLE } from './tables';

export type { TLogRow };

/** Writes the ingest path's log rows (inside the caller's transaction `trx` when given). */
export function insertLogs(db: TDatabase, rows: TLogRow[], opts: { trx?: TSql } = {}): Promise<void> {
  return insertChunked(opts.trx ?? db.knex(), TABLE.log, rows);
}

export type TLogFilter = {
  source?: 'clockify' | 'custom';
  sourceId?: string;
  eventType?: string;
  outcome?: string;
  from?: number;
  to?: number;
  /** Payload search: the value at `segments` (already validated names) equals `equals`. */
  payload?: { segments: string[]; equals: string | number | boolean };
  cursor?: string;
  limit: number;
};

const SUMMARY_COLUMNS = ['id', 'source', 'source_id', 'event_type', 'outcome', 'reason', 'signature', 'received_at', 'flow_ids', 'size_bytes'];

/** Newest first, `limit + 1` rows (the extra one says another page exists), cursor = the last id seen. */
export async function listLogs(db: TDatabase, workspaceId: string, filter: TLogFilter): Promise<Record<string, unknown>[]> {
  const q = db.knex()(TABLE.log).where('workspace_id', workspaceId);
  if (filter.source) q.andWhere('source', filter.source);
  if (filter.sourceId) q.andWhere('source_id', filter.sourceId);
  if (filter.eventType) q.andWhere('event_type', filter.eventType);
  if (filter.outcome) q.andWhere('outcome', filter.outcome);
  if (filter.from !== undefined) q.andWhere('received_at', '>=', filter.from);
  if (filter.to !== undefined) q.andWhere('received_at', '<=', filter.to);
  if (filter.cursor) q.andWhere('id', '<', filter.cursor);
  if (filter.payload) {
    const { segments, equals } = filter.payload;
    const value = String(equals);
    if (db.dialect === 'postgresql') q.andWhereRaw('payload #>> ? = ?', [`{${segments.join(',')}}`, value]);
    else
      q.andWhereRaw('cast(json_extract(payload, ?) as text) = ?', [
        `$.${segments.join('.')}`,
        typeof equals === 'boolean' ? (equals ? '1' : '0') : value,
      ]);
  }

  return q
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .select(SUMMARY_COLUMNS);
}

/** The whole log row, or undefined. */
export function getLog(db: TDatabase, workspaceId: string, id: string): Promise<Record<string, unknown> | undefined> {
  return db.knex()(TABLE.log).where({ workspace_id: workspaceId, id }).first();
}

export type TLogTrigger = Pick<TLogRow, 'id' | 'event_type' | 'source' | 'received_at' | 'payload' | 'headers'>;

/** What a flow run reads of the webhook that triggered it. */
export function findLogTrigger(db: TDatabase, workspaceId: string, id: string): Promise<TLogTrigger | undefined> {
  return db.knex()(TABLE.log).where({ workspace_id: workspaceId, id }).first('id', 'event_type', 'source', 'received_at', 'payload', 'headers');
}

export type TLogHeadline = { id: string; event_type: string; source: string; received_at: number | string };

/** The few fields an execution's timeline shows of its webhook. */
export function findLogHeadline(db: TDatabase, workspaceId: string, id: string): Promise<TLogHeadline | undefined> {
  return db.knex()(TABLE.log).where({ workspace_id: workspaceId, id }).first('id', 'event_type', 'source', 'received_at');
}

export type TLogRouting = { id: string; source: 'clockify' | 'custom'; source_id: string | null; event_type: string; outcome: string };

/** What a replay needs to match the webhook against the flows again. */
export function findLogRouting(db: TDatabase, workspaceId: string, id: string): Promise<TLogRouting | undefined> {
  return db.knex()(TABLE.log).where({ workspace_id: workspaceId, id }).first('id', 'source', 'source_id', 'event_type', 'outcome');
}

export type TLogCounts = {
  perHour: { hour: string | number; event_type: string; n: string | number }[];
  outcomes: { outcome: string; n: string | number }[];
};

/** Webhooks received since `since`: per hour and event type, and per outcome. */
export async function countLogsSince(db: TDatabase, workspaceId: string, since: number): Promise<TLogCounts> {
  const bucket = db.dialect === 'postgresql' ? 'floor(received_at / 3600000)::bigint * 3600000' : '(received_at / 3600000) * 3600000';
  const perHour = (await db
    .knex()(TABLE.log)
    .where('workspace_id', workspaceId)
    .andWhere('received_at', '>=', since)
    .select(db.knex().raw(`${bucket} as hour`), 'event_type')
    .count({ n: '*' })
    .groupByRaw(`${bucket}, event_type`)
    .orderBy('hour')) as unknown as TLogCounts['perHour'];
  const outcomes = (await db
    .knex()(TABLE.log)
    .where('workspace_id', workspaceId)
    .andWhere('received_at', '>=', since)
    .select('outcome')
    .count({ n: '*' })
    .groupBy('outcome')) as unknown as TLogCounts['outcomes'];

  return { perHour, outcomes };
}

/** Which logged events a back-test replays: one Clockify source's event types, or one custom source. */
export type TTriggerLogFilter = { source: 'clockify'; eventTypes: string[] } | { source: 'custom'; sourceId: string };

/**
 * The workspace's last `limit` accepted events of one trigger (newest first, with payload and headers):
 * rejected and duplicate deliveries never started a flow and are left out.
 */
export function listTriggerLogs(db: TDatabase, workspaceId: string, filter: TTriggerLogFilter & { limit: number }): Promise<TLogTrigger[]> {
  const q = db.knex()(TABLE.log).where({ workspace_id: workspaceId, source: filter.source }).whereIn('outcome', ['queued', 'no_match']);
  if (filter.source === 'clockify') q.whereIn('event_type', filter.eventTypes);
  else q.andWhere('source_id', filter.sourceId);

  return q.orderBy('id', 'desc').limit(filter.limit).select('id', 'event_type', 'source', 'received_at', 'payload', 'headers');
}
