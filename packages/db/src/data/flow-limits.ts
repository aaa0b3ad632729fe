import type { TDatabase } from '../database';
import type { TSql } from './sql';
import { TABLE } from './tables';

/**
 * Per-flow limits in the execution claim. A flow may cap its running executions (`max_concurrent`) and its
 * starts per minute (`max_per_minute`, counted in a window the first start opens: `minute_started_at`,
 * `minute_starts`). Excess executions stay in the queue: they are simply not claimed yet.
 *
 * Two places apply them: the candidate query ranks each limited flow's runnable rows and keeps those that
 * fit its room (so a limited flow's backlog never crowds out other flows), and the claim's transaction
 * locks the limited flows' rows, counts again and trims, so two workers claiming at once never exceed a limit.
 */

export const MINUTE_MS = 60_000;

/** Runnable: queued or waiting whose time has come, or running whose lease expired (its worker died). */
export const RUNNABLE = `((status in ('queued', 'waiting') and run_after <= ?) or (status = 'running' and lease_until < ?))`;

/** Room left as SQL over the flow `f`: null = no limit of its own. `?`s: now (lease), window start. */
const ROOM = `
  case when f.max_concurrent is null then null else f.max_concurrent - (
    select count(*) from ${TABLE.execution} r where r.flow_id = f.id and r.status = 'running' and r.lease_until >= ?) end as concurrent_room,
  case when f.max_per_minute is null then null
       when f.minute_started_at is null or f.minute_started_at <= ? then f.max_per_minute
       else f.max_per_minute - coalesce(f.minute_starts, 0) end as minute_room`;

/**
 * The candidate query's common table expressions, up to `ranked` (each allowed runnable row with its rank `rn`
 * in its workspace, and whether its flow has limits). `?`s: now, now (runnable), now (lease), window start.
 * `pickCandidates` and PostgreSQL's one-statement claim (`queue-pg.queries.ts`) both start from it.
 */
export const CANDIDATE_CTES = `
    with runnable as (
      select id, workspace_id, flow_id, run_after from ${TABLE.execution} where ${RUNNABLE}
    ),
    room as (
      select f.id as flow_id, ${ROOM}
      from ${TABLE.flow} f
      where (f.max_concurrent is not null or f.max_per_minute is not null) and f.id in (select flow_id from runnable)
    ),
    limited as (
      select r.id, room.concurrent_room, room.minute_room,
             row_number() over (partition by r.flow_id order by r.run_after, r.id) as frn
      from runnable r join room on room.flow_id = r.flow_id
    ),
    allowed as (
      select r.id, r.workspace_id, r.run_after, case when l.id is null then 0 else 1 end as limited
      from runnable r left join limited l on l.id = r.id
      where l.id is null
         or ((l.concurrent_room is null or l.frn <= l.concurrent_room) and (l.minute_room is null or l.frn <= l.minute_room))
    ),
    ranked as (
      select id, run_after, limited, row_number() over (partition by workspace_id order by run_after, id) as rn from allowed
    )`;

/** The values of `CANDIDATE_CTES`'s placeholders, in order. */
export const candidateValues = (now: number) => [now, now, now, now - MINUTE_MS];

/** The pick from `ranked`: round-robin, at most `perWorkspace` each (`?`s: perWorkspace, limit). */
export const PICK = `select id, limited from ranked where rn <= ? order by rn, run_after limit ?`;

/**
 * Up to `limit` runnable execution ids, round-robin across workspaces (at most `perWorkspace` each), with each
 * limited flow's rows cut to the room it has left (`limited`: its flow has limits). One statement.
 */
export async function pickCandidates(
  db: TDatabase,
  args: { now: number; limit: number; perWorkspace: number },
): Promise<{ id: string; limited: boolean }[]> {
  const { now, limit, perWorkspace } = args;
  const result = await db.knex().raw(`${CANDIDATE_CTES} ${PICK}`, [...candidateValues(now), perWorkspace, limit]);

  const rows = (db.dialect === 'postgresql' ? result.rows : result) as { id: string; limited: number | string }[];

  return rows.map((r) => ({ id: r.id, limited: Number(r.limited) === 1 }));
}

type TLocked = { id: string; flow_id: string; run_after: number | string; status: string };
type TFlowRoom = { flow_id: string; concurrent_room: number | string | null; minute_room: number | string | null };

/**
 * Inside the claim's transaction, after its rows are locked: locks the rows of the limited flows among them
 * (PostgreSQL `FOR UPDATE`, in id order; SQLite's writer lock serialises the claim already), counts their room
 * again, keeps what fits (oldest first) and adds the kept starts to each flow's minute window.
 */
export async function applyFlowLimits(
  trx: TSql,
  { dialect, locked, now }: { dialect: string; locked: TLocked[]; now: number },
): Promise<TLocked[]> {
  const flowIds = [...new Set(locked.map((l) => l.flow_id))];
  const limitedFlows = (q: ReturnType<TSql>) =>
    q.whereIn('f.id', flowIds).andWhere((w) => void w.whereNotNull('f.max_concurrent').orWhereNotNull('f.max_per_minute'));
  // Lock first, count after: in READ COMMITTED the count's own snapshot then sees a claim committed meanwhile.
  if (dialect === 'postgresql') await limitedFlows(trx(`${TABLE.flow} as f`).select('f.id')).orderBy('f.id').forUpdate();
  const rooms: TFlowRoom[] = await limitedFlows(trx(`${TABLE.flow} as f`).select('f.id as flow_id', trx.raw(ROOM, [now, now - MINUTE_MS])));
  if (rooms.length === 0) return locked;

  const byFlow = new Map(rooms.map((r) => [r.flow_id, r]));
  const taken = new Map<string, number>();
  const sorted = [...locked].sort((a, b) => Number(a.run_after) - Number(b.run_after) || a.id.localeCompare(b.id));
  const kept = sorted.filter((row) => {
    const room = byFlow.get(row.flow_id);
    if (!room) return true;
    const n = taken.get(row.flow_id) ?? 0;
    const fits = [room.concurrent_room, room.minute_room].every((r) => r === null || n < Number(r));
    if (fits) taken.set(row.flow_id, n + 1);

    return fits;
  });
  for (const [flowId, n] of taken) {
    if (byFlow.get(flowId)?.minute_room === null) continue;
    const expired = `minute_started_at is null or minute_started_at <= ${Number(now - MINUTE_MS)}`;
    await trx(TABLE.flow)
      .where('id', flowId)
      .update({
        minute_starts: trx.raw(`case when ${expired} then ? else coalesce(minute_starts, 0) + ? end`, [n, n]),
        minute_started_at: trx.raw(`case when ${expired} then ? else minute_started_at end`, [now]),
      });
  }

  return kept;
}
