import type { TDatabase } from '../database';
import type { TExecutionRow } from './rows';
import { TABLE } from './tables';

/** Where a schedule flow's next tick is looked for: the latest fired tick, and the flow's last change. */
export type TScheduleAnchor = { flowId: string; updatedAt: number; lastTickAt: number | null };

/** The anchors of the workspace's given flows (undeleted ones only). */
export async function listScheduleAnchors(db: TDatabase, workspaceId: string, flowIds: string[]): Promise<TScheduleAnchor[]> {
  if (flowIds.length === 0) return [];
  const knex = db.knex();
  const last = knex(TABLE.scheduleFire)
    .select('flow_id')
    .max({ last_tick: 'tick_at' })
    .where('workspace_id', workspaceId)
    .whereIn('flow_id', flowIds)
    .groupBy('flow_id')
    .as('l');
  const rows: { id: string; updated_at: number | string; last_tick: number | string | null }[] = await knex(`${TABLE.flow} as f`)
    .leftJoin(last, 'l.flow_id', 'f.id')
    .where('f.workspace_id', workspaceId)
    .whereIn('f.id', flowIds)
    .whereNull('f.deleted_at')
    .select('f.id', 'f.updated_at', 'l.last_tick');

  return rows.map((r) => ({
    flowId: r.id,
    updatedAt: Number(r.updated_at),
    lastTickAt: r.last_tick === null || r.last_tick === undefined ? null : Number(r.last_tick),
  }));
}

export type TScheduleFireRow = { flow_id: string; tick_at: number; workspace_id: string; execution_id: string; fired_at: number };

/**
 * Fires one tick: the tick's row and its execution in one transaction. The row's primary key (flow, tick)
 * makes a second fire of the same tick, by any process, insert nothing (ON CONFLICT DO NOTHING / INSERT OR
 * IGNORE), and then no execution either. True when this call fired it.
 */
export async function fireScheduleTick(db: TDatabase, args: { fire: TScheduleFireRow; execution: TExecutionRow }): Promise<boolean> {
  return db.knex().transaction(async (trx) => {
    const inserted: unknown[] = await trx(TABLE.scheduleFire).insert(args.fire).onConflict(['flow_id', 'tick_at']).ignore().returning('flow_id');
    if (inserted.length === 0) return false;
    await trx(TABLE.execution).insert(args.execution);

    return true;
  });
}
