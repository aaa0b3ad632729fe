import type { TDatabase } from '@uw/db';

import { createGroupCommit, type TGroupCommit } from '../batching/group-commit';
import { finishExecutions, type TFinishItem } from './claim';

/** Resolves, after the commit, with whether this outcome was accepted (its lease was still held). */
export type TFinishQueue = TGroupCommit<TFinishItem, boolean>;

/**
 * Group commit for execution outcomes (`createGroupCommit`): an outcome that arrives while another
 * commit is in flight waits and shares the next transaction, so under load many executions finish
 * with one commit; an idle queue commits at once.
 */
export function createFinishQueue(db: TDatabase, maxBatch = 100): TFinishQueue {
  return createGroupCommit((items: TFinishItem[]) => finishExecutions(db, items), { maxBatch, maxInFlight: 1, maxWaitMs: 0 });
}
