import { bootstrapStateQueries as q, type TDatabase } from '@uw/db';

import type { TBootstrapRow, TPlanStep } from './plan-types';

/**
 * The bootstrap state row with the plan typed as this service's steps; the SQL is in @uw/db
 * (`bootstrapStateQueries`).
 */
export type TFence = q.TFence;
export type TProgressPatch = q.TProgressPatch<TPlanStep>;

export const readBootstrapRow = (db: TDatabase, workspaceId: string): Promise<TBootstrapRow | null> =>
  q.readBootstrapState<TPlanStep>(db, workspaceId);

/** Starts a new run from the first step unless a live run holds the row; only one caller gets `true`. */
export const claimFresh = (db: TDatabase, fence: TFence, run: { plan: TPlanStep[]; leaseMs: number; now: number }) =>
  q.claimFresh(db, fence, { ...run, opsTotal: run.plan.filter((s) => s.included).length });

export const { claimResume, listResumable } = q;
export const saveProgress = q.saveProgress<TPlanStep>;
export const endRun = q.endRun<TPlanStep>;
