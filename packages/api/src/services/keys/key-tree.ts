import type { Knex } from '@mikro-orm/knex';

import type { TDatabase } from '@uw/db';

import { notFound, UserError } from '../../errors';
import type { TCaller } from '../auth/caller';

const KEYS = 'universal_webhook_service_key';
type TLink = { id: string; parentKeyId?: string | null };

/** Every key minted by `rootId`, by the keys it minted, and so on (not `rootId` itself). */
export function descendantsOf(keys: readonly TLink[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const k of keys) {
    if (k.parentKeyId) children.set(k.parentKeyId, [...(children.get(k.parentKeyId) ?? []), k.id]);
  }
  const found: string[] = [];
  const queue = [...(children.get(rootId) ?? [])];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (found.includes(id)) continue;
    found.push(id);
    queue.push(...(children.get(id) ?? []));
  }

  return found;
}

/** Holds a key's row for the transaction (PostgreSQL row lock); false when it is revoked or absent. */
export async function lockLiveKey(db: TDatabase, trx: Knex.Transaction, workspaceId: string, id: string): Promise<boolean> {
  const q = trx(KEYS).where({ workspace_id: workspaceId, id }).first('revoked_at');
  if (db.dialect === 'postgresql') q.forUpdate();
  const row = (await q) as { revoked_at: unknown } | undefined;

  return row !== undefined && row.revoked_at === null;
}

async function links(trx: Knex.Transaction, workspaceId: string): Promise<(TLink & { revoked: boolean })[]> {
  const rows = (await trx(KEYS).where({ workspace_id: workspaceId }).select('id', 'parent_key_id', 'revoked_at')) as Record<
    string,
    unknown
  >[];

  return rows.map((r) => ({ id: String(r.id), parentKeyId: (r.parent_key_id as string | null) ?? null, revoked: r.revoked_at !== null }));
}

/**
 * Revokes a key and, transitively, every key it minted. Workspace admins may revoke any key; a key may
 * revoke only itself and its descendants (never its parent, a sibling, or a key an admin made).
 * The target is updated first (taking its row lock), then descendants are revoked until none is left
 * live, so a child minted concurrently is caught by the next round or refused by its mint.
 */
export async function revokeKey(db: TDatabase, caller: TCaller, id: string) {
  const now = Date.now();
  const alsoRevoked: string[] = [];
  await db.knex().transaction(async (trx) => {
    const all = await links(trx, caller.workspaceId);
    const target = all.find((k) => k.id === id && !k.revoked);
    if (!target) throw notFound('service key');
    if (caller.key && id !== caller.key.id && !descendantsOf(all, caller.key.id).includes(id)) {
      throw new UserError('FORBIDDEN', 'a service key may revoke only itself and the keys it minted');
    }
    await trx(KEYS).where({ workspace_id: caller.workspaceId, id }).update({ revoked_at: now });
    for (;;) {
      const current = await links(trx, caller.workspaceId);
      const live = descendantsOf(current, id).filter((d) => !current.find((k) => k.id === d)!.revoked);
      if (live.length === 0) break;
      await trx(KEYS).where({ workspace_id: caller.workspaceId }).whereIn('id', live).update({ revoked_at: now });
      alsoRevoked.push(...live);
    }
  });

  return { id, revoked: true, alsoRevoked };
}
