import { newId, type TDatabase } from '@uw/db';

const T = 'universal_webhook_entity_cache';
const CHUNK = 200;
export const DAY_MS = 86_400_000;

export type TCacheEntity = { entityType: string; entityId: string; name: string | null; data: unknown };
export type TCacheHit = { entityType: string; id: string; name: string | null; data: unknown; fetchedAt: number };
export type TCacheCount = { entityType: string; count: number; fetchedAt: number | null };

const parseJson = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

/**
 * Inserts or refreshes entities of one workspace (one row per workspace, type and id). JSON is
 * stringified for both dialects; a batch never names the same key twice (PostgreSQL refuses that).
 */
export async function upsertEntities(
  db: TDatabase,
  workspaceId: string,
  batch: { entities: TCacheEntity[]; now: number; ttlMs: number },
): Promise<number> {
  const byKey = new Map<string, TCacheEntity>();
  for (const e of batch.entities) {
    if (e.entityId.length > 128 || e.entityType.length > 64) continue;
    byKey.set(`${e.entityType}\n${e.entityId}`, e);
  }
  const rows = [...byKey.values()].map((e) => ({
    id: newId(),
    workspace_id: workspaceId,
    entity_type: e.entityType,
    entity_id: e.entityId,
    name: e.name === null ? null : e.name.slice(0, 256),
    data: JSON.stringify(e.data ?? null),
    fetched_at: batch.now,
    expires_at: batch.now + batch.ttlMs,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .knex()(T)
      .insert(rows.slice(i, i + CHUNK))
      .onConflict(['workspace_id', 'entity_type', 'entity_id'])
      .merge(['name', 'data', 'fetched_at', 'expires_at']);
  }

  return rows.length;
}

export async function deleteEntity(db: TDatabase, workspaceId: string, key: { entityType: string; entityId: string }): Promise<number> {
  return db.knex()(T).where({ workspace_id: workspaceId, entity_type: key.entityType, entity_id: key.entityId }).delete();
}

export async function clearWorkspaceCache(db: TDatabase, workspaceId: string): Promise<number> {
  return db.knex()(T).where('workspace_id', workspaceId).delete();
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Picker search within one workspace and entity type: names containing `query` (case-insensitive),
 * those starting with it first, then by name. No query: the first `limit` by name.
 */
export async function searchCache(
  db: TDatabase,
  workspaceId: string,
  input: { entityType: string; query?: string; limit: number },
): Promise<TCacheHit[]> {
  const q = db
    .knex()(T)
    .where({ workspace_id: workspaceId, entity_type: input.entityType })
    .select('entity_type', 'entity_id', 'name', 'data', 'fetched_at');
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
    data: parseJson(r.data),
    fetchedAt: Number(r.fetched_at),
  }));
}

/** Rows per entity type in one workspace, with the newest fetch time. */
export async function countCache(db: TDatabase, workspaceId: string): Promise<TCacheCount[]> {
  const rows: { entity_type: string; count: unknown; fetched_at: unknown }[] = await db
    .knex()(T)
    .where('workspace_id', workspaceId)
    .groupBy('entity_type')
    .orderBy('entity_type')
    .select('entity_type', db.knex().raw('count(*) as count'), db.knex().raw('max(fetched_at) as fetched_at'));

  return rows.map((r) => ({
    entityType: r.entity_type,
    count: Number(r.count),
    fetchedAt: r.fetched_at === null ? null : Number(r.fetched_at),
  }));
}
