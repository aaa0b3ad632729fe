import { executionQueries, type TDatabase } from '@uw/db';

import type { TStepRecord } from './journal';

/**
 * Thrown from the journal at a step boundary when someone asked to cancel the run: the step in flight has
 * finished and been committed, nothing after it is sent. `runExecution` ends the execution `cancelled`.
 */
export class CancelRequestedError extends Error {
  constructor(executionId: string) {
    super(`execution ${executionId} was cancelled`);
    this.name = 'CancelRequestedError';
  }
}

/** The timeline entry of a run stopped by a cancel: who asked, when, and the line to show (from its row). */
export async function cancelRecord(db: TDatabase, workspaceId: string, executionId: string): Promise<TStepRecord> {
  const row = await executionQueries.findExecution(db, workspaceId, executionId);
  const at = row?.cancel_requested_at;

  return {
    nodeId: null,
    kind: 'cancel',
    status: 'cancelled',
    error: {
      code: 'CANCELLED',
      message: typeof row?.cancel_reason === 'string' ? row.cancel_reason : 'cancelled',
      by: row?.cancelled_by ?? null,
      at: at === null || at === undefined ? Date.now() : Number(at),
    },
  };
}
