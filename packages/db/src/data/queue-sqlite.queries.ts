import type { TDatabase } from '../database';
import type { TClaimed, TFinishRow } from './queue-types';
import { CANDIDATE_CTES, candidateValues, PICK, RUNNABLE } from './flow-limits';
import { TABLE } from './tables';

/**
 * The execution queue's hot statements on SQLite, run synchronously on the driver's connection inside one
 * transaction (no query building, no promise per statement), with each statement prepared once per connection.
 * The same meaning as the PostgreSQL statements in `queue-pg.queries.ts`; flows with limits of their own keep
 * the query-builder claim (`applyFlowLimits`).
 */

type TStatement = { all(...params: unknown[]): unknown[]; run(...params: unknown[]): { changes: number } };
type TConnection = { prepare(sql: string): TStatement; transaction<F extends () => unknown>(fn: F): F };
type TPool = { acquireConnection(): Promise<TConnection>; releaseConnection(c: TConnection): Promise<unknown> };

const prepared = new WeakMap<TConnection, Map<string, TStatement>>();

function statement(conn: TConnection, sql: string): TStatement {
  let byText = prepared.get(conn);
  if (!byText) prepared.set(conn, (byText = new Map()));
  let s = byText.get(sql);
  if (!s) byText.set(sql, (s = conn.prepare(sql)));

  return s;
}

/** Runs `fn` in one transaction on the SQLite connection (the pool lends its only connection for that time). */
async function inTransaction<T>(db: TDatabase, fn: (sql: (text: string) => TStatement) => T): Promise<T> {
  const pool = db.knex().client as unknown as TPool;
  const conn = await pool.acquireConnection();
  try {
    return conn.transaction(() => fn((text) => statement(conn, text)))() as T;
  } finally {
    await pool.releaseConnection(conn);
  }
}

const LOCKABLE = `select id, status from ${TABLE.execution} where id in (select value from json_each(?)) and ${RUNNABLE}`;
const LEASE = `update ${TABLE.execution} set status = 'running', lease_owner = ?, lease_until = ?, lease_token = lease_token + 1,
    attempts = attempts + 1, started_at = coalesce(started_at, ?)
  where id in (select value from json_each(?))
  returning id, workspace_id, flow_id, flow_version_id, log_id, lease_token, attempts, lease_owner, started_at, retry_of, cancel_requested_at`;

type TLeased = Omit<TClaimed, 'reclaimed' | 'resumed' | 'log'>;

/** Picks, checks and leases in one transaction; `null` when flows with limits are among the candidates. */
export function claimGroupSqlite(
  db: TDatabase,
  args: { owner: string; limit: number; leaseMs: number; perWorkspace: number; now: number },
): Promise<TClaimed[] | null> {
  const { owner, limit, leaseMs, perWorkspace, now } = args;

  return inTransaction(db, (sql) => {
    const picked = sql(`${CANDIDATE_CTES} ${PICK}`).all(...candidateValues(now), perWorkspace, limit) as { id: string; limited: number }[];
    if (picked.some((p) => Number(p.limited) === 1)) return null;
    if (picked.length === 0) return [];
    const runnable = sql(LOCKABLE).all(JSON.stringify(picked.map((p) => p.id)), now, now) as { id: string; status: string }[];
    if (runnable.length === 0) return [];
    const was = new Map(runnable.map((r) => [r.id, r.status]));
    const leased = sql(LEASE).all(owner, now + leaseMs, now, JSON.stringify([...was.keys()])) as TLeased[];

    return leased.map((r) => ({ ...r, reclaimed: was.get(r.id) === 'running', resumed: was.get(r.id) === 'waiting' }));
  });
}

const END = `update ${TABLE.execution} set
    status = case when ? in ('queued', 'waiting') and cancel_requested_at is not null then 'cancelled' else ? end,
    lease_owner = null, lease_until = null, error = ?, run_after = ?,
    finished_at = case when ? not in ('queued', 'waiting') or cancel_requested_at is not null then ? end,
    attempts = attempts - ?
  where id = ? and lease_token = ? and status = 'running'`;
const STEP = `insert into ${TABLE.step} (id, workspace_id, execution_id, seq, node_id, kind, status, attempt, request, response, error,
    idempotency_key, latency_ms, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const LAST_RUN = `update ${TABLE.flow} set last_run_status = ?, last_run_at = ? where id = ? and workspace_id = ?`;

/** `finishExecutions` on SQLite: every outcome, its steps and the flows' last runs in one synchronous transaction. */
export function finishGroupSqlite(db: TDatabase, args: { items: TFinishRow[]; now: number }): Promise<boolean[]> {
  const { items, now } = args;

  return inTransaction(db, (sql) => {
    const lastRuns = new Map<string, { workspaceId: string; status: string }>();
    const accepted = items.map(({ held, outcome, steps = [], flowId }) => {
      const s = outcome.status;
      const error = outcome.error === undefined ? null : JSON.stringify(outcome.error);
      const refund = outcome.refund ? 1 : 0;
      const { changes } = sql(END).run(s, s, error, outcome.runAfter ?? now, s, now, refund, held.id, held.lease_token);
      if (changes !== 1) return false;
      for (const r of steps) {
        sql(STEP).run(r.id, r.workspace_id, r.execution_id, r.seq, r.node_id, r.kind, r.status, r.attempt, r.request, r.response, r.error,
          r.idempotency_key, r.latency_ms, r.created_at);
      }
      if (flowId && s !== 'queued' && s !== 'waiting') lastRuns.set(flowId, { workspaceId: held.workspace_id, status: s });

      return true;
    });
    for (const [flowId, run] of lastRuns) sql(LAST_RUN).run(run.status, now, flowId, run.workspaceId);

    return accepted;
  });
}
