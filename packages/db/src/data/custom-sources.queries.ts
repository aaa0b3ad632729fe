import type { TDatabase } from '../database';
import { CustomSource, type TCustomSource } from '../entities';

/** The workspace's custom sources, newest first. */
export async function listSources(db: TDatabase, workspaceId: string): Promise<TCustomSource[]> {
  return db.fork().find(CustomSource, { workspaceId }, { orderBy: { createdAt: 'desc' } });
}

/** One of the workspace's sources, or null (another workspace's source is not found). */
export async function findSource(db: TDatabase, workspaceId: string, id: string): Promise<TCustomSource | null> {
  return db.fork().findOne(CustomSource, { id, workspaceId });
}

export async function insertSource(db: TDatabase, source: TCustomSource): Promise<void> {
  await db.fork().insert(CustomSource, source);
}

export type TSourcePatch = Partial<
  Pick<TCustomSource, 'name' | 'enabled' | 'idHeader' | 'eventTypeHeader' | 'ratePerMinute' | 'secretCiphers'>
>;

/** Applies `patch` (and a new `updatedAt`) to one of the workspace's sources. */
export async function updateSource(db: TDatabase, workspaceId: string, args: { id: string; patch: TSourcePatch }): Promise<void> {
  await db.fork().nativeUpdate(CustomSource, { id: args.id, workspaceId }, { ...args.patch, updatedAt: Date.now() });
}

export async function deleteSource(db: TDatabase, workspaceId: string, id: string): Promise<void> {
  await db.fork().nativeDelete(CustomSource, { id, workspaceId });
}
