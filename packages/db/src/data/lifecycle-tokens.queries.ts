import type { TDatabase } from '../database';
import { TABLE } from './tables';

export type TTokenClaim = { tokenHash: string; workspaceId: string; usedAt: number; expiresAt: number };

/**
 * Records a lifecycle token as used; false when it is already recorded (a replay). An expired record of the
 * same token is dropped first. The primary key settles two concurrent claims: one wins.
 */
export async function claimLifecycleToken(db: TDatabase, claim: TTokenClaim): Promise<boolean> {
  const sql = db.knex();
  await sql(TABLE.lifecycleToken).where('token_hash', claim.tokenHash).andWhere('expires_at', '<', claim.usedAt).delete();
  const row = { token_hash: claim.tokenHash, workspace_id: claim.workspaceId, used_at: claim.usedAt, expires_at: claim.expiresAt };
  const inserted: unknown[] = await sql(TABLE.lifecycleToken).insert(row).onConflict('token_hash').ignore().returning('token_hash');

  return inserted.length > 0;
}

/** Forgets a recorded token (its callback failed, so a retry with it is no replay). */
export async function releaseLifecycleToken(db: TDatabase, workspaceId: string, tokenHash: string): Promise<void> {
  await db.knex()(TABLE.lifecycleToken).where({ token_hash: tokenHash, workspace_id: workspaceId }).delete();
}
