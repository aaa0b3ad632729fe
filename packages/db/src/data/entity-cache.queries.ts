import type { TDatabase } from '../database';
import { newId } from '../ids';
import { parseJsonColumn, type TSql } from './sql';
import { TABLE } from './tables';

const CHUNK = 200;

export type TCacheEntity = { entityType: string; entityId: string; name: string | null; data: unknown };
export type TCacheHit = { entityType: string; id: string; name: string | null; data: unknown; fetchedAt: number };
export type TCacheCount = { entityType: string; count: number; fetchedAt: number | null };

/** One cache change: an entity to store (with its `name` and `data`), or to forget (`delete`). */
export type TCacheWrite = {
  workspaceId: string;
  entityType: string;
  entityId: string;
  delete?: boolean;
  name?: string | null;
  data?: unknown;
  /** `data` already serialised (the webhook's payload text), so it is not serialised again. */
  dataJson?: string;
  now: number;
  ttlMs: number;
};

const keyOf = (w: { workspaceId: string; entityType: string; entityId: string }) => `${w.workspaceId}\n${w.entityType}\n${w.entityId}`;
const fits = (w: { entityType: string; entityId: string }) => w.entityId.length <= 128 && w.entityType.length <= 64;

/**
 * Applies cache changes in order with as few statements as possible: the last change of each key wins
 * (PostgreSQL refuses one upsert that names a key twice), deletions one statement each, upserts in chunks.
 * `sql` may be a transaction, so webhooks update the cache in their own commit. Each write names its workspace.
 */
export async function writeCache(sql: TSql, writes: TCacheWrite[]): Promise<number> {
  const last = new Map<string, TCacheWrite>();
  for (const w of writes) {
    if (!fits(w)) continue;
    const key = keyOf(w);
    last.delete(key); // keeps the map in the order of each key's last change
    last.set(key, w);
  }
  const upserts = [];
  for (const w of last.values()) {
    if (w.delete) {
      await sql(TABLE.entityCache).where({ workspace_id: w.workspaceId, entity_type: w.entityType, entity_id: w.entityId }).delete();
      continue;
    }
    upserts.push({
      id: newId(),
      workspace_id: w.workspaceId,
      entity_type: w.entityType,
      entity_id: w.entityId,
      name: w.name == null ? null : w.name.slice(0, 256),
      data: w.dataJson ?? JSON.stringify(w.data ?? null),
      fetched_at: w.now,
      expires_at: w.now + w.ttlMs,
    });
  }
  for (let i = 0; i < upserts.length; i += CHUNK) {
    await sql(TABLE.entityCache)
      .insert(upserts.slice(i, i + CHUNK))
      .onConflict(['workspace_id', 'entity_type', 'entity_id'])
      .merge(['name', 'data', 'fetched_at', 'expires_at']);
  }

  return last.size;
}

/** `writeCache` on its own connection (outside any transaction). */
export async function applyCacheWrites(db: TDatabase, writes: TCacheWrite[]): Promise<number> {
  return writeCache(db.knex(), writes);
}

/** Inserts or refreshes entities of one workspace (one row per workspace, type and id). */
export async function upsertEntities(
  db: TDatabase,
  workspaceId: string,
  batch: { entities: TCacheEntity[]; now: number; ttlMs: number },
): Promise<number> {
  return applyCacheWrites(
    db,
    batch.entities.map((e) => ({ workspaceId, ...e, now: batch.now, ttlMs: batch.ttlMs })),
  );
}

/** Forgets every cached entity of the workspace; returns how many rows went. */
export async function clearWorkspaceCache(db: TDatabase, workspaceId: string): Promise<number> {
  return db.knex()(TABLE.entityCache).where('workspace_id', workspaceId).delete();
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Picker search within one workspace and entity type: names containing `query` (case-insensitive),
 * those starting with it first, then by name. No query: the first `limit` by name. `projectId`: only
 * entities whose data names that project (the tasks of one project).
 */
export async function searchCache(
  db: TDatabase,
  workspaceId: string,
  input: { entityType: string; query?: string; limit: number; projectId?: string },
): Promise<TCacheHit[]> {
  const q = db
    .knex()(TABLE.entityCache)
    .where({ workspace_id: workspaceId, entity_type: input.entityType })
    .select('entity_type', 'entity_id', 'name', 'data', 'fetched_at');
  if (input.projectId !== undefined) {
    if (db.dialect === 'postgresql') q.andWhereRaw("data->>'projectId' = ?", [input.projectId]);
    else q.andWhereRaw("json_extract(data, '$.projectId') = ?", [input.projectId]);
  }
  const needle = input.query?.trim().toLowerCase();
  if (needle) {
    const escaped = escapeLike(needle);
    q.andWhereRaw("lower(name) like ? escape '\\'", [`%${escaped}%`]).orderByRaw(
      "case when lower(name) like ? escape '\\' then 0 else 1 end",
      [`${escaped}%`],
    );
  }
  const rows: Record<string, unknown>[] = await q.orderByRaw('lower(name)').orderBy('entity_id').limit(input.limit);

  return rows.map((r) => ({
    entityType: String(r.entity_type),
    id: String(r.entity_id),
    name: (r.name as string | null) ?? null,
    data: parseJsonColumn(r.data),
    fetchedAt: Number(r.fetched_at),
  }));
}

/** Rows per entity type in one workspace, with the newest fetch time. */
export async function countCache(db: TDatabase, workspaceId: string): Promise<TCacheCount[]> {
  const sql = db.knex();
  const rows: { entity_type: string; count: unknown; fetched_at: unknown }[] = await sql(TABLE.entityCache)
    .where('workspace_id', workspaceId)
    .groupBy('entity_type')
    .orderBy('entity_type')
    .select('entity_type', sql.raw('count(*) as count'), sql.raw('max(fetched_at) as fetched_at'));

  return rows.map((r) => ({
    entityType: r.entity_type,
    count: Number(r.count),
    fetchedAt: r.fetched_at === null ? null : Number(r.fetched_at),
  }));
}

/** The cached users of a workspace (id and name), by id. */
export function listCachedUsers(db: TDatabase, workspaceId: string): Promise<{ id: string; name: string | null }[]> {
  return listCachedEntities(db, workspaceId, { entityType: 'user' });
}

/**
 * The ids and names of one entity type cached for the workspace, by id (a bootstrap's per-parent lists);
 * with `unexpiredAt`, only rows not expired then.
 */
export async function listCachedEntities(
  db: TDatabase,
  workspaceId: string,
  of: { entityType: string; unexpiredAt?: number },
): Promise<{ id: string; name: string | null }[]> {
  const q = db.knex()(TABLE.entityCache).where({ workspace_id: workspaceId, entity_type: of.entityType });
  if (of.unexpiredAt !== undefined) q.andWhere('expires_at', '>=', of.unexpiredAt);
  const rows: { entity_id: string; name: string | null }[] = await q.orderBy('entity_id').select('entity_id', 'name');

  return rows.map((r) => ({ id: r.entity_id, name: r.name }));
}

/** Every (workspace, entity type) pair with rows expired before `now`, all workspaces: the refresh job's work list. */
export async function listExpiredTypes(db: TDatabase, now: number): Promise<{ workspaceId: string; entityType: string }[]> {
  const rows: { workspace_id: string; entity_type: string }[] = await db
    .knex()(TABLE.entityCache)
    .where('expires_at', '<', now)
    .distinct('workspace_id', 'entity_type');

  return rows.map((r) => ({ workspaceId: r.workspace_id, entityType: r.entity_type }));
}

/** Removes the workspace's rows of `entityTypes` expired before `now`; returns how many went. */
export async function deleteExpired(db: TDatabase, workspaceId: string, args: { entityTypes: string[]; now: number }): Promise<number> {
  if (args.entityTypes.length === 0) return 0;

  return db
    .knex()(TABLE.entityCache)
    .where('workspace_id', workspaceId)
    .whereIn('entity_type', args.entityTypes)
    .andWhere('expires_at', '<', args.now)
    .delete();
}

/** Which of `refs` (entity type and id) the workspace's cache holds, as `type\nid` keys. */
export async function findCachedKeys(db: TDatabase, workspaceId: string, refs: { entityType: string; entityId: string }[]): Promise<Set<string>> {
  const found = new Set<string>();
  const types = [...new Set(refs.map((r) => r.entityType))];
  for (const entityType of types) {
    const ids = [...new Set(refs.filter((r) => r.entityType === entityType).map((r) => r.entityId))];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows: { entity_id: string }[] = await db
        .knex()(TABLE.entityCache)
        .where({ workspace_id: workspaceId, entity_type: entityType })
        .whereIn('entity_id', ids.slice(i, i + CHUNK))
        .select('entity_id');
      for (const r of rows) found.add(`${entityType}\n${r.entity_id}`);
    }
  }

  return found;
}
