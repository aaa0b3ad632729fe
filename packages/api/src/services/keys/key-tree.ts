import { serviceKeyQueries, type TDatabase } from '@uw/db';

import { notFound, UserError } from '../../errors';
import type { TCaller } from '../auth/caller';

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

/**
 * Revokes a key and, transitively, every key it minted. Workspace admins may revoke any key; a key may
 * revoke only itself and its descendants (never its parent, a sibling, or a key an admin made).
 */
export async function revokeKey(db: TDatabase, caller: TCaller, id: string) {
  const alsoRevoked = await serviceKeyQueries.revokeKeyTree(db, caller.workspaceId, {
    id,
    now: Date.now(),
    authorize: (all) => {
      if (!all.some((k) => k.id === id && !k.revoked)) throw notFound('service key');
      if (caller.key && id !== caller.key.id && !descendantsOf(all, caller.key.id).includes(id)) {
        throw new UserError('FORBIDDEN', 'a service key may revoke only itself and the keys it minted');
      }
    },
    liveDescendants: (all, root) => descendantsOf(all, root).filter((d) => !all.find((k) => k.id === d)!.revoked),
  });

  return { id, revoked: true, alsoRevoked };
}
