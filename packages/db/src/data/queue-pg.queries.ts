import type { TDatabase } from '../database';
import { CANDIDATE_CTES, candidateValues, PICK, RUNNABLE } from './flow-limits';
import { numbered, runPrepared, type TPrepared } from './prepared';
import type { TClaimed } from './queue-types';
import type { TStepRow } from './rows';
import { TABLE } from './tables';

/**
 * The execution queue's hot statements on PostgreSQL, each one prepared statement and so one round trip and
 * one implicit transaction: claim a group (with each claimed run's webhook), finish a group (outcomes, their
 * journal rows and each flow's last run), renew a group of leases. SQLite keeps the query-builder versions in
 * `execution-lease.queries.ts`, which calls these on PostgreSQL.
 */

const RETURNED = `e.id, e.workspace_id, e.flow_id, e.flow_version_id, e.log_id, e.lease_token, e.attempts, e.lease_owner,
  e.started_at, e.retry_of, e.cancel_requested_at`;

/**
 * Picks (round-robin, as `pickCandidates`), locks (SKIP LOCKED) and leases in one statement; flows with limits
 * of their own are left out and named in `limited_ids`, for the transactional claim that counts their room.
 * The webhook of each claimed run comes back as text (parsed only when the worker does not hold it already).
 * Always one row at least (a claim of nothing carries `limited_ids` alone).
 */
const CLAIM: TPrepared = {
  name: 'uw_queue_claim_v1',
  text: numbered(`${CANDIDATE_CTES},
    picked as (${PICK}),
    locked as (
      select id, status from ${TABLE.execution}
      where id in (select id from picked where limited = 0) and ${RUNNABLE}
      for update skip locked
    ),
    claimed as (
      update ${TABLE.execution} e set status = 'running', lease_owner = ?, lease_until = ?,
        lease_token = e.lease_token + 1, attempts = e.attempts + 1, started_at = coalesce(e.started_at, ?)
      from locked l where e.id = l.id
      returning ${RETURNED}, l.status as was
    )
    select c.*, g.event_type as log_event_type, g.source as log_source, g.received_at as log_received_at,
      g.payload::text as log_payload, g.headers::text as log_headers,
      (select array_agg(id) from picked where limited = 1) as limited_ids
    from (values (1)) as one (x)
    left join claimed c on true
    left join ${TABLE.log} g on g.id = c.log_id and g.workspace_id = c.workspace_id`),
};

/** A claimed run as the statement returns it: its webhook's columns flat, `id` null on the claim-nothing row. */
export type TClaimRow = Omit<TClaimed, 'id' | 'reclaimed' | 'resumed' | 'log'> & {
  id: string | null;
  was: string;
  log_event_type: string | null;
  log_source: string | null;
  log_received_at: string | number | null;
  log_payload: string | null;
  log_headers: string | null;
  limited_ids: string[] | null;
};

export async function claimGroupPg(
  db: TDatabase,
  args: { owner: string; limit: number; leaseMs: number; perWorkspace: number; now: number },
): Promise<{ rows: TClaimRow[]; limitedIds: string[] }> {
  const { owner, limit, leaseMs, perWorkspace, now } = args;
  const values = [...candidateValues(now), perWorkspace, limit, now, now, owner, now + leaseMs, now];
  const rows = await runPrepared<TClaimRow>(db, CLAIM, values);

  return { rows: rows.filter((r) => r.id !== null), limitedIds: rows[0]?.limited_ids ?? [] };
}

/**
 * Inserts the journal rows of the JSON document in parameter `param` (`stepsDocument`) that pass `where` (over
 * `s`, which also carries each row's lease `token`): the shared tail of the finish and the step boundary.
 */
const insertJournal = (param: string, where: string) => `
      insert into ${TABLE.step} (id, workspace_id, execution_id, seq, node_id, kind, status, attempt, request, response, error,
        idempotency_key, latency_ms, created_at)
      select s.id, s.workspace_id, s.execution_id, s.seq, s.node_id, s.kind, s.status, s.attempt, s.request, s.response, s.error,
        s.idempotency_key, s.latency_ms, s.created_at
      from jsonb_to_recordset(${param}::jsonb) as s (id varchar, workspace_id varchar, execution_id varchar, seq int, node_id varchar,
        kind varchar, status varchar, attempt int, request jsonb, response jsonb, error jsonb, idempotency_key varchar,
        latency_ms int, created_at int8, token int)
      ${where}`;

/**
 * Outcomes as parallel arrays (one per column), the journal rows of all of them as one JSON document, written
 * in one statement: each outcome fenced by its lease token (a refused one writes nothing, its steps included),
 * each flow's last run set to its latest ended outcome. Returns the accepted ones as `id:token` (a stale holder
 * of the same row, with a lower token, is refused).
 */
const FINISH: TPrepared = {
  name: 'uw_queue_finish_v1',
  text: `
    with v as (
      select * from unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::int8[], $6::bool[])
        with ordinality as v (id, token, status, error, run_after, refund, ord)
    ),
    upd as (
      update ${TABLE.execution} e set
        status = case when v.status in ('queued', 'waiting') and e.cancel_requested_at is not null then 'cancelled' else v.status end,
        lease_owner = null, lease_until = null, error = v.error::jsonb, run_after = v.run_after,
        finished_at = case when v.status not in ('queued', 'waiting') or e.cancel_requested_at is not null then $7::int8 end,
        attempts = e.attempts - case when v.refund then 1 else 0 end
      from v where e.id = v.id and e.lease_token = v.token and e.status = 'running'
      returning e.id, v.token, e.workspace_id, e.flow_id, v.status as asked, v.ord
    ),
    journal as (
      ${insertJournal('$8', 'where (s.execution_id, s.token) in (select id, token from upd)')}
    ),
    latest as (
      select distinct on (flow_id) flow_id, workspace_id, asked from upd
      where asked not in ('queued', 'waiting') order by flow_id, ord desc
    ),
    last_runs as (
      update ${TABLE.flow} f set last_run_status = latest.asked, last_run_at = $7::int8
      from latest where f.id = latest.flow_id and f.workspace_id = latest.workspace_id
    )
    select id, token from upd`,
};

export type TFinishPg = {
  id: string;
  lease_token: number;
  status: string;
  /** Already JSON text, or null. */
  error: string | null;
  run_after: number;
  refund: boolean;
};

/** A journal row and the lease token of the outcome it goes with. */
export type TFencedStep = { row: TStepRow; token: number };

/** Journal rows as one JSON array, their JSON columns (already serialised once) embedded as they are. */
export function stepsDocument(steps: TFencedStep[]): string {
  const raw = (v: string | null) => (v === null ? 'null' : v);
  const parts = steps.map(
    ({ row: s, token }) =>
      `{"id":${JSON.stringify(s.id)},"workspace_id":${JSON.stringify(s.workspace_id)},"execution_id":${JSON.stringify(s.execution_id)},` +
      `"seq":${s.seq},"node_id":${JSON.stringify(s.node_id)},"kind":${JSON.stringify(s.kind)},"status":${JSON.stringify(s.status)},` +
      `"attempt":${s.attempt},"request":${raw(s.request)},"response":${raw(s.response)},"error":${raw(s.error)},` +
      `"idempotency_key":${JSON.stringify(s.idempotency_key)},"latency_ms":${JSON.stringify(s.latency_ms)},"created_at":${s.created_at},` +
      `"token":${token}}`,
  );

  return `[${parts.join(',')}]`;
}

export async function finishGroupPg(db: TDatabase, args: { items: TFinishPg[]; steps: TFencedStep[]; now: number }): Promise<Set<string>> {
  const { items, steps, now } = args;
  const column = <K extends keyof TFinishPg>(k: K) => items.map((i) => i[k]);
  const values = [
    column('id'),
    column('lease_token'),
    column('status'),
    column('error'),
    column('run_after'),
    column('refund'),
    now,
    stepsDocument(steps),
  ];
  const rows = await runPrepared<{ id: string; token: number }>(db, FINISH, values);

  return new Set(rows.map((r) => `${r.id}:${r.token}`));
}

/** Extends every lease still held (by fencing token) in one statement; what comes back is still held. */
const RENEW: TPrepared = {
  name: 'uw_queue_renew_v1',
  text: `
    update ${TABLE.execution} e set lease_until = $3::int8
    from unnest($1::text[], $2::int[]) as h (id, token)
    where e.id = h.id and e.lease_token = h.token and e.status = 'running'
    returning e.id, e.lease_token`,
};

export async function renewGroupPg(
  db: TDatabase,
  args: { held: { id: string; lease_token: number }[]; leaseMs: number; now: number },
): Promise<Set<string>> {
  const { held, leaseMs, now } = args;
  const rows = await runPrepared<{ id: string; lease_token: number }>(db, RENEW, [
    held.map((h) => h.id),
    held.map((h) => h.lease_token),
    now + leaseMs,
  ]);
  // By id and token: a stale holder of the same row (a lower token) has lost it.
  const kept = new Set(rows.map((r) => `${r.id}:${r.lease_token}`));

  return new Set(held.filter((h) => !kept.has(`${h.id}:${h.lease_token}`)).map((h) => h.id));
}

/**
 * A run's step boundary in one statement: the journal rows go in only while the lease is held (fencing token),
 * and the answer says whether someone asked to cancel. No row back = the lease was lost (nothing written).
 */
const CHECKPOINT: TPrepared = {
  name: 'uw_queue_checkpoint_v1',
  text: `
    with fence as (
      select cancel_requested_at from ${TABLE.execution}
      where id = $1 and lease_token = $2 and status = 'running'
      for update
    ),
    journal as (
      ${insertJournal('$3', 'where exists (select 1 from fence)')}
    )
    select cancel_requested_at from fence`,
};

export async function checkpointPg(
  db: TDatabase,
  args: { held: { id: string; lease_token: number }; rows: TStepRow[] },
): Promise<'ok' | 'lost' | 'cancel'> {
  const { held, rows } = args;
  const document = stepsDocument(rows.map((row) => ({ row, token: held.lease_token })));
  const [fence] = await runPrepared<{ cancel_requested_at: unknown }>(db, CHECKPOINT, [held.id, held.lease_token, document]);
  if (!fence) return 'lost';

  return fence.cancel_requested_at === null ? 'ok' : 'cancel';
}
