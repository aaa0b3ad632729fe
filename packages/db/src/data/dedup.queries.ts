import type { TDatabase } from '../database';
import { newId } from '../ids';
import type { TSql } from './sql';
import { TABLE } from './tables';

export type TDedupClaim = { workspaceId: string; key: string; logId: string; expiresAt: number };

const claimKey = (workspaceId: string, key: string) => `${workspaceId}\u0000${key}`;

/**
 * Claims dedup keys (inside the caller's transaction `trx`, as the ingest path does): a key past its window is freed first, then the unique
 * (workspace, key) index decides who wins. Returns the claims that lost (their key was already taken).
 * The claims must be distinct.
 */
export async function claimDedupKeys(
  db: TDatabase,
  claims: TDedupClaim[],
  opts: { trx?: TSql; now?: number } = {},
): Promise<TDedupClaim[]> {
  if (claims.length === 0) return [];
  const trx = opts.trx ?? db.knex();
  const now = opts.now ?? Date.now();
  await trx(TABLE.dedup)
    .whereIn(
      ['workspace_id', 'dedup_key'],
      claims.map((c) => [c.workspaceId, c.key]),
    )
    .andWhere('expires_at', '<', now)
    .delete();
  const rows = claims.map((c) => ({
    id: newId(),
    workspace_id: c.workspaceId,
    dedup_key: c.key,
    log_id: c.logId,
    expires_at: c.expiresAt,
  }));
  const inserted: { workspace_id: string; dedup_key: string }[] = await trx(TABLE.dedup)
    .insert(rows)
    .onConflict(['workspace_id', 'dedup_key'])
    .ignore()
    .returning(['workspace_id', 'dedup_key']);
  const won = new Set(inserted.map((r) => claimKey(r.workspace_id, r.dedup_key)));

  return claims.filter((c) => !won.has(claimKey(c.workspaceId, c.key)));
}
