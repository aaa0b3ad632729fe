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
