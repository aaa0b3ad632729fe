import type { TDatabase } from '../database';
import type { TAuditEntry } from '../entities';
import { parseJsonColumn } from './sql';
import { TABLE } from './tables';

export type TAuditFilter = {
  actorId?: string;
  /** A procedure (`flows.update`) or a domain prefix (`flows.`). */
  action?: string;
  targetType?: string;
  targetId?: string;
  since?: number;
  until?: number;
  /** Entries with ids below this one (the previous page's last id). */
  before?: string;
  limit: number;
};

type TAuditRow = {
  id: string;
  workspace_id: string;
  at: number | string;
  actor_kind: TAuditEntry['actorKind'];
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  summary: string;
  details: unknown;
};

export async function insertAuditEntry(db: TDatabase, e: TAuditEntry): Promise<void> {
  await db.knex()(TABLE.audit).insert({
    id: e.id,
    workspace_id: e.workspaceId,
    at: e.at,
    actor_kind: e.actorKind,
    actor_id: e.actorId ?? null,
    action: e.action,
    target_type: e.targetType,
    target_id: e.targetId ?? null,
    summary: e.summary,
    details: JSON.stringify(e.details),
  });
}

/** A workspace's entries, newest first (ids are time-ordered), `limit` of them. */
export async function listAuditEntries(db: TDatabase, workspaceId: string, f: TAuditFilter): Promise<TAuditEntry[]> {
  const q = db.knex()(TABLE.audit).where({ workspace_id: workspaceId });
  if (f.actorId) q.andWhere('actor_id', f.actorId);
  if (f.action) q.andWhere('action', f.action.endsWith('.') ? 'like' : '=', f.action.endsWith('.') ? `${f.action}%` : f.action);
  if (f.targetType) q.andWhere('target_type', f.targetType);
  if (f.targetId) q.andWhere('target_id', f.targetId);
  if (f.since !== undefined) q.andWhere('at', '>=', f.since);
  if (f.until !== undefined) q.andWhere('at', '<', f.until);
  if (f.before) q.andWhere('id', '<', f.before);
  const rows: TAuditRow[] = await q.orderBy('id', 'desc').limit(f.limit);

  return rows.map((r) => ({
    id: r.id,
    workspaceId: r.workspace_id,
    at: Number(r.at),
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    summary: r.summary,
    details: parseJsonColumn(r.details) as Record<string, unknown>,
  }));
}
