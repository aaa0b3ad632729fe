import type { TServiceKeyScope } from '@uw/db';

import { UserError } from '../../errors';
import type { TCaller } from './caller';

export const KEY_SCOPES = ['read', 'write', 'admin'] as const satisfies readonly TServiceKeyScope[];
export type TKeyScope = TServiceKeyScope;

const RANK: Record<TKeyScope, number> = { read: 0, write: 1, admin: 2 };

/** True when `held` includes everything `needed` allows (`admin` ⊃ `write` ⊃ `read`). */
export function scopeCovers(held: TKeyScope, needed: TKeyScope): boolean {
  return RANK[held] >= RANK[needed];
}

const WHAT: Record<TKeyScope, string> = {
  read: 'reading flows, executions and logs',
  write: 'changing flows, replaying webhooks and retrying executions',
  admin: 'managing keys and sources and running destructive Clockify calls',
};

/**
 * The one access rule. Workspace members (non-admins) pass only `member` checks; workspace admins and the
 * development login pass everything; a service key passes when its scope covers `needed`.
 */
export function assertAccess(caller: TCaller, needed: TKeyScope | 'member'): void {
  if (needed === 'member' || caller.role === 'admin') {
    return;
  }
  if (caller.role === 'user') {
    throw new UserError('FORBIDDEN', 'this needs a workspace admin: the add-on is for admins, members see only its status');
  }
  const held = caller.key?.scope ?? 'read';
  if (!scopeCovers(held, needed)) {
    throw new UserError('FORBIDDEN', `this service key has the "${held}" scope; ${WHAT[needed]} needs "${needed}"`, {
      scope: held,
      needed,
    });
  }
}
