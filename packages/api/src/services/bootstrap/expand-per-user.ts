import { entityCacheQueries, type TDatabase } from '@uw/db';

import type { TPlanStep } from './plan-types';

/**
 * The per-user placeholder (time entries) as one step per user in the cache, which the users step filled
 * earlier in the same run. Stored back into the plan, so a resumed run walks the same users.
 */
export async function expandPerUser(db: TDatabase, workspaceId: string, step: TPlanStep): Promise<TPlanStep[]> {
  const users = await entityCacheQueries.listCachedUsers(db, workspaceId);
  const { perUser: _placeholder, ...rest } = step;

  return users.map((u) => ({
    ...rest,
    pathParams: { ...step.pathParams, userId: u.id },
    reason: `${step.reason}: ${u.name ?? u.id}`.slice(0, 200),
  }));
}

/**
 * The per-parent placeholder as one step per cached parent (stored back into the plan like per-user steps);
 * `unexpiredAt`: only parents whose rows had not expired then (a refresh skips parents Clockify dropped).
 */
export async function expandPerParent(
  db: TDatabase,
  step: TPlanStep,
  at: { workspaceId: string; unexpiredAt?: number },
): Promise<TPlanStep[]> {
  const { perParent, ...rest } = step;
  if (!perParent) return [step];
  const parents = await entityCacheQueries.listCachedEntities(db, at.workspaceId, {
    entityType: perParent.entityType,
    unexpiredAt: at.unexpiredAt,
  });

  return parents.map((e) => ({
    ...rest,
    pathParams: { ...step.pathParams, [perParent.param]: e.id },
    reason: `${step.reason}: ${e.name ?? e.id}`.slice(0, 200),
  }));
}
