import type { TDatabase } from '../database';
import type { TCacheWrite } from './entity-cache.queries';
import { runPrepared, type TPrepared } from './prepared';
import type { TExecutionRow, TLogRow } from './rows';
import { TABLE } from './tables';

/**
 * The ingest group commit on PostgreSQL as one prepared statement, so one round trip and one implicit
 * transaction per batch: dedup claims (an expired key taken over by `on conflict … do update … where
 * expires_at < now`), the log rows (a lost claim's row rewritten as `duplicate`), the executions of the
 * webhooks that kept their claim, and (in the `withCache` variant) their entity-cache changes. SQLite keeps
 * the query-builder path (`dedup.queries.ts`, `logs.queries.ts`, `executions.queries.ts`).
 */

/** One webhook of a batch. Repeats of a key earlier in the same batch come without `claim`, already marked duplicate. */
export type TIngestItem = {
  log: TLogRow;
  executions: TExecutionRow[];
  claim?: { workspaceId: string; key: string; expiresAt: number };
  cache?: TCacheWrite | null;
};

const LOG_COLUMNS = `id, workspace_id, source, source_id, event_type, payload, raw_body, headers, received_at, signature, dedup_key,
  outcome, reason, flow_ids, redacted, size_bytes`;

const CACHE_COLUMNS = `c_type varchar, c_id varchar, c_del bool, c_name varchar, c_data jsonb, c_of_log bool, c_at int8, c_until int8`;

const itemsOf = (cache: boolean) => `
  l as (
    select * from jsonb_to_recordset($1::jsonb) as l (ord int, id varchar, workspace_id varchar, source varchar,
      source_id varchar, event_type varchar, payload jsonb, raw_body text, headers jsonb, received_at int8, signature varchar,
      dedup_key varchar, outcome varchar, reason varchar, flow_ids jsonb, redacted jsonb, size_bytes int, cw varchar, ck varchar,
      cx int8${cache ? `, ${CACHE_COLUMNS}` : ''})
  )`;

/**
 * The dedup row takes its webhook's log id as its own id (one claim per log row; time-ordered like every id).
 * Claims go in key order, so two batches claiming the same keys lock them in the same order.
 */
const CLAIM = `
  claimed as (
    insert into ${TABLE.dedup} (id, workspace_id, dedup_key, log_id, expires_at)
    select id, cw, ck, id, cx from l where ck is not null order by cw, ck
    on conflict (workspace_id, dedup_key) do update set log_id = excluded.log_id, expires_at = excluded.expires_at
      where ${TABLE.dedup}.expires_at < $11::int8
    returning log_id
  ),
  lost as (select id from l where ck is not null and not exists (select 1 from claimed c where c.log_id = l.id)),
  logs as (
    insert into ${TABLE.log} (${LOG_COLUMNS})
    select id, workspace_id, source, source_id, event_type, payload, raw_body, headers, received_at, signature, dedup_key,
      case when d.id is null then outcome else 'duplicate' end,
      case when d.id is null then reason else 'seen within the dedup window' end,
      case when d.id is null then flow_ids else '[]'::jsonb end,
      redacted, size_bytes
    from l left join lost d using (id)
  ),
  execs as (
    insert into ${TABLE.execution} (id, workspace_id, flow_id, flow_version_id, log_id, status, attempts, run_after, lease_token,
      trigger, retry_of, created_at)
    select e.id, e.workspace_id, e.flow_id, e.flow_version_id, e.log_id, 'queued', 0, e.run_after, 0, e.trigger::jsonb, e.retry_of,
      e.created_at
    from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int8[], $8::int8[], $9::text[], $10::text[])
      as e (id, workspace_id, flow_id, flow_version_id, log_id, run_after, created_at, retry_of, trigger)
    where e.log_id is null or not exists (select 1 from lost d where d.id = e.log_id)
  )`;

/**
 * Of each cache key the last change of a webhook that kept its claim wins (as `writeCache`); deletions and
 * upserts touch distinct keys, so both run in the same statement. A new cache row takes its webhook's log id.
 */
const CACHE = `,
  last as (
    select distinct on (l.workspace_id, l.c_type, l.c_id) l.*
    from l where l.c_type is not null and not exists (select 1 from lost d where d.id = l.id)
    order by l.workspace_id, l.c_type, l.c_id, l.ord desc
  ),
  forgotten as (
    delete from ${TABLE.entityCache} c using last
    where last.c_del and c.workspace_id = last.workspace_id and c.entity_type = last.c_type and c.entity_id = last.c_id
  ),
  cached as (
    insert into ${TABLE.entityCache} (id, workspace_id, entity_type, entity_id, name, data, fetched_at, expires_at)
    select id, workspace_id, c_type, c_id, c_name, case when c_of_log then payload else coalesce(c_data, 'null'::jsonb) end, c_at, c_until from last where not c_del
    on conflict (workspace_id, entity_type, entity_id) do update
      set name = excluded.name, data = excluded.data, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at
  )`;

const statement = (cache: boolean): TPrepared => ({
  name: cache ? 'uw_ingest_commit_cache_v1' : 'uw_ingest_commit_v1',
  text: `with ${itemsOf(cache)},${CLAIM}${cache ? CACHE : ''}
    select id from lost`,
});

const WITH_CACHE = statement(true);
const WITHOUT_CACHE = statement(false);

const str = JSON.stringify;
const raw = (v: string | null) => (v === null ? 'null' : v);
const fitsCache = (w: TCacheWrite) => w.entityId.length <= 128 && w.entityType.length <= 64;

/**
 * The cache fields of one item. Data that is the webhook's payload (the same text) is not sent twice: the
 * statement takes the stored payload then.
 */
function cacheFields(item: TIngestItem): string {
  const w = item.cache;
  if (!w || !fitsCache(w)) return '';
  const head = `,"c_type":${str(w.entityType)},"c_id":${str(w.entityId)},"c_at":${w.now},"c_until":${w.now + w.ttlMs}`;
  if (w.delete) return `${head},"c_del":true`;
  const data = w.dataJson ?? str(w.data ?? null);
  const name = w.name == null ? null : w.name.slice(0, 256);

  const ofLog = data === item.log.payload;

  return `${head},"c_del":false,"c_name":${str(name)},"c_of_log":${ofLog}${ofLog ? '' : `,"c_data":${data}`}`;
}

/** The log rows (with each claim and, when `cache`, each cache change) as one JSON array; JSON columns embedded as they are. */
export function logsDocument(items: TIngestItem[], cache: boolean): string {
  const parts = items.map((item, ord) => {
    const { log: g, claim } = item;
    const claimed = claim ? `,"cw":${str(claim.workspaceId)},"ck":${str(claim.key)},"cx":${claim.expiresAt}` : '';

    return (
      `{"ord":${ord},"id":${str(g.id)},"workspace_id":${str(g.workspace_id)},"source":${str(g.source)},"source_id":${str(g.source_id)},` +
      `"event_type":${str(g.event_type)},"payload":${raw(g.payload)},"raw_body":${str(g.raw_body)},"headers":${g.headers},` +
      `"received_at":${g.received_at},"signature":${str(g.signature)},"dedup_key":${str(g.dedup_key)},"outcome":${str(g.outcome)},` +
      `"reason":${str(g.reason)},"flow_ids":${g.flow_ids},"redacted":${g.redacted},"size_bytes":${g.size_bytes}${claimed}` +
      `${cache ? cacheFields(item) : ''}}`
    );
  });

  return `[${parts.join(',')}]`;
}

/** The executions as one array per column, in the statement's order (`$2`…`$10`). */
function executionColumns(items: TIngestItem[]): unknown[][] {
  const columns: unknown[][] = Array.from({ length: 9 }, () => []);
  for (const item of items) {
    for (const e of item.executions) {
      const row = [e.id, e.workspace_id, e.flow_id, e.flow_version_id, e.log_id, e.run_after, e.created_at, e.retry_of, e.trigger];
      for (let i = 0; i < row.length; i++) columns[i]!.push(row[i]);
    }
  }

  return columns;
}

/**
 * Commits one batch in one statement; returns the log ids whose claim lost (their key was taken, within its
 * window). With `withCache` false the cache changes are left out (the retry after a failing cache change).
 * Executions are new queued rows (`attempts` and `lease_token` 0, as the ingest path writes them).
 */
export async function commitIngestPg(
  db: TDatabase,
  batch: { items: TIngestItem[]; now: number; withCache: boolean },
): Promise<Set<string>> {
  const { items, now, withCache } = batch;
  const cache = withCache && items.some((i) => i.cache);
  const values = [logsDocument(items, cache), ...executionColumns(items), now];
  const rows = await runPrepared<{ id: string }>(db, cache ? WITH_CACHE : WITHOUT_CACHE, values);

  return new Set(rows.map((r) => r.id));
}
