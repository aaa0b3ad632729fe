import type { TDatabase } from '../database';
import { TABLE } from './tables';

/** What the run path reads of flows: the trigger index, a version's definition or number, a flow's current version. */

export type TFlowTriggerRow = { workspace_id: string; flow_id: string; version_id: string; trigger_keys: unknown };

/**
 * Every enabled, undeleted flow with its current version's trigger keys: all workspaces (the in-memory
 * index), or one (`workspaceId`: the add-on's own events, which read the database rather than an index).
 */
export function listEnabledFlowTriggers(db: TDatabase, opts: { workspaceId?: string } = {}): Promise<TFlowTriggerRow[]> {
  const q = db
    .knex()(`${TABLE.flow} as f`)
    .join(`${TABLE.flowVersion} as v`, 'v.id', 'f.current_version_id')
    .where('f.enabled', true)
    .whereNull('f.deleted_at');
  if (opts.workspaceId !== undefined) void q.andWhere('f.workspace_id', opts.workspaceId);

  return q.select('f.workspace_id', 'f.id as flow_id', 'v.id as version_id', 'v.trigger_keys');
}

/** A cheap fingerprint of the flow table (row count and latest update): changes when any flow changes. */
export async function flowsFingerprint(db: TDatabase): Promise<string> {
  const row = await db.knex()(TABLE.flow).count({ n: '*' }).max({ m: 'updated_at' }).first();

  return `${row?.n}:${row?.m}`;
}

/** A version's stored definition (raw: parsed on PostgreSQL, text on SQLite), or undefined. */
export async function findVersionDefinition(db: TDatabase, workspaceId: string, versionId: string): Promise<unknown> {
  const row = await db.knex()(TABLE.flowVersion).where({ workspace_id: workspaceId, id: versionId }).first('definition');

  return row?.definition;
}

/** A version's number, or null. */
export async function findVersionNumber(db: TDatabase, workspaceId: string, versionId: string): Promise<number | null> {
  const row = await db.knex()(TABLE.flowVersion).where({ workspace_id: workspaceId, id: versionId }).first('version');

  return row ? Number(row.version) : null;
}

/** The current version of an undeleted flow, or null. */
export async function findCurrentVersionId(db: TDatabase, workspaceId: string, flowId: string): Promise<string | null> {
  const row = await db
    .knex()(TABLE.flow)
    .where({ workspace_id: workspaceId, id: flowId })
    .whereNull('deleted_at')
    .first('current_version_id');

  return row ? String(row.current_version_id) : null;
}
