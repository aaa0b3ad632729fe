import type { TDatabase } from '../database';
import { ExplorerHistory, type TExplorerHistory } from '../entities';

/** Stores one explorer run (already scrubbed and bounded by the caller). */
export async function insertRun(db: TDatabase, run: TExplorerHistory): Promise<void> {
  const em = db.fork();
  em.create(ExplorerHistory, run);
  await em.flush();
}

/** One user's runs in a workspace, newest first: `limit` rows with ids below `before` (all when absent). */
export async function listRuns(
  db: TDatabase,
  workspaceId: string,
  args: { userId: string; before?: string; limit: number },
): Promise<TExplorerHistory[]> {
  const where = { workspaceId, userId: args.userId, ...(args.before ? { id: { $lt: args.before } } : {}) };

  return db.fork().find(ExplorerHistory, where, { orderBy: { id: 'desc' }, limit: args.limit });
}
