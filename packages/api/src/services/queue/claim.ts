import { executionLeaseQueries, type TDatabase } from '@uw/db';

import { stepRow, type THeld, type TNumberedStep } from './journal';

/** A claimed execution (see `executionLeaseQueries.claimExecutions`: round-robin across workspaces, fenced). */
export type TClaimed = executionLeaseQueries.TClaimed;

/** `refund`: the run did nothing (e.g. the workspace is paused), so its claim does not count as an attempt. */
export type TFinish = executionLeaseQueries.TFinish;
/** Written in the same transaction as the outcome: steps not yet committed, and the flow's last run. */
export type TFinishExtras = { steps?: TNumberedStep[]; flowId?: string };

export type TFinishItem = { held: THeld; outcome: TFinish; extras?: TFinishExtras };

/** Ends (or reschedules) an execution, only if this worker still holds its lease. False = refused. */
export async function finishExecution(db: TDatabase, item: TFinishItem): Promise<boolean> {
  const [ok] = await finishExecutions(db, [item]);

  return ok!;
}

/**
 * Ends several executions in one transaction (one commit for all): each outcome is fenced on its own
 * (a refused one writes nothing of its own), the steps of the accepted ones go in one insert, and each
 * flow's last run is updated once, to its latest outcome. Returns, per item, whether it was accepted.
 */
export function finishExecutions(db: TDatabase, items: TFinishItem[]): Promise<boolean[]> {
  return executionLeaseQueries.finishExecutions(
    db,
    items.map(({ held, outcome, extras = {} }) => ({
      held,
      outcome,
      steps: extras.steps?.map((s) => stepRow(held, s.seq, s.step)),
      flowId: extras.flowId,
    })),
  );
}
