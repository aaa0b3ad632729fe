import type { TBootstrapStatus } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { LeaseLostError, startHeartbeat } from '../leases/lease';
import { upsertEntities } from '../cache/cache-store';
import { expandPerParent, expandPerUser } from './expand-per-user';
import { fetchPages } from './fetch-pages';
import { openClient, type TConnection } from './open-client';
import type { TBootstrapRow, TPlanStep } from './plan-types';
import { endRun, readBootstrapRow, saveProgress, type TFence, type TProgressPatch } from './state-store';

/** Plan steps fetching at once (requests in flight, all under the workspace's rate limit). */
export const LOOKAHEAD = 3;

export type TRunOptions = { fence: TFence; leaseMs: number; pageSize: number; signal: AbortSignal };
export type TRunOutcome = TBootstrapStatus | 'stopped' | 'lease_lost';

/** Storing a page failed: the run stops (resumable from the last stored page), it does not skip the page. */
class StoreError extends Error {}

type TProgress = Pick<TBootstrapRow, 'plan' | 'opsDone' | 'opsTotal' | 'pages' | 'entities' | 'errors' | 'cursor'>;

/**
 * Runs (or resumes) the bootstrap whose lease `opts.fence` holds: step after step from the stored
 * cursor, page after page, saving the cursor and counters after every page (fenced by the lease, which
 * each save and a heartbeat extend). A failing step is recorded and the next one runs. An abort of
 * `opts.signal` releases the lease so any process can resume at once; a lost lease stops all writes.
 */
export async function runBootstrap(deps: TApiDeps, opts: TRunOptions): Promise<TRunOutcome> {
  const { db, bus, logger } = deps;
  const { fence, leaseMs } = opts;
  const row = await readBootstrapRow(db, fence.workspaceId);
  if (!row || row.leaseOwner !== fence.owner || row.status !== 'running') return 'lease_lost';
  const p: TProgress = {
    plan: row.plan,
    opsDone: row.opsDone,
    opsTotal: row.opsTotal,
    pages: row.pages,
    entities: row.entities,
    errors: row.errors,
    cursor: row.cursor,
  };
  const lost = new AbortController();
  const signal = AbortSignal.any([opts.signal, lost.signal]);
  const publish = () => bus.publish({ type: 'bootstrap.progress', workspaceId: fence.workspaceId });
  const started = { at: Date.now(), done: row.opsDone };
  const eta = () => {
    const done = p.opsDone - started.done;

    return done > 0 ? Math.round(Date.now() + ((Date.now() - started.at) / done) * (p.opsTotal - p.opsDone)) : null;
  };
  // Our lease can be taken over (it expired while we were stalled): then stop, and write nothing more.
  const leaseLost = () => new LeaseLostError(`the bootstrap run of workspace ${fence.workspaceId}`);
  const save = async (patch: TProgressPatch) => {
    if (!(await saveProgress(db, fence, { patch, leaseMs }))) {
      lost.abort(leaseLost());
      throw leaseLost();
    }
    publish();
  };
  const beat = startHeartbeat({
    leaseMs,
    extend: () => saveProgress(db, fence, { patch: {}, leaseMs }),
    onLost: () => lost.abort(leaseLost()),
  });
  // Requests run ahead, storing stays in order. Up to LOOKAHEAD steps fetch at once (each at most one
  // page ahead of its turn, all under the workspace's rate limit), and a page is stored while the next
  // request is on its way, so the wall time follows the rate limit rather than request latency. Pages
  // are stored strictly in plan order, one at a time: the cursor saved is always that of the last page
  // stored, so a crash refetches nothing stored.
  let storing: Promise<void> = Promise.resolve();
  const lanes: Promise<void>[] = [];
  let previousLane: Promise<unknown> = Promise.resolve();
  const halt = new AbortController();
  const drainLanes = async () => {
    const results = await Promise.allSettled(lanes.splice(0));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  };
  try {
    const conn = await openClient(deps, fence.workspaceId);
    for (let i = p.cursor.op; i < p.plan.length; i++) {
      const step = p.plan[i]!;
      if (!step.included) continue;
      if (step.perUser || step.perParent) {
        await drainLanes();
        await storing; // the users (parents) it expands to come from the pages stored so far
        const expanded = step.perUser
          ? await expandPerUser(db, fence.workspaceId, step)
          : await expandPerParent(db, step, { workspaceId: fence.workspaceId });
        p.plan.splice(i, 1, ...expanded);
        p.opsTotal += expanded.length - 1;
        // No users means the users step failed; no projects is a workspace without any.
        if (expanded.length === 0 && step.perUser)
          p.errors.push({
            operationId: step.operationId,
            message: 'no users in the cache: the users step failed or found none',
            at: Date.now(),
          });
        await save({ plan: p.plan, opsTotal: p.opsTotal, errors: p.errors });
        i--;
        continue;
      }
      if (lanes.length >= LOOKAHEAD) await lanes.shift();
      const after = previousLane;
      const lane = runStep(conn, { step, i, after }).catch((err: unknown) => {
        halt.abort(err); // a fatal error stops the lanes running ahead too
        throw err;
      });
      previousLane = lane.catch(() => undefined); // also marks `lane` handled until it is awaited
      lanes.push(lane);
    }
    await drainLanes();
    await storing;
    const status: TBootstrapStatus =
      p.errors.length === 0 ? 'completed' : p.opsTotal > 0 && p.errors.length >= p.opsTotal ? 'failed' : 'completed_with_errors';
    await end({ status, finishedAt: Date.now(), etaAt: null, cursor: { op: p.plan.length, page: 1 } });

    return status;
  } catch (err) {
    halt.abort(err);
    await Promise.allSettled(lanes);
    await storing.catch(() => undefined);
    if (err instanceof LeaseLostError || lost.signal.aborted) {
      logger.warn({ workspaceId: fence.workspaceId }, 'bootstrap lease lost; another process took the run over');

      return 'lease_lost';
    }
    if (opts.signal.aborted) {
      await endRun(db, fence, { patch: { etaAt: null }, release: true });
      publish();

      return 'stopped';
    }
    logger.error({ workspaceId: fence.workspaceId, err }, 'bootstrap failed');
    p.errors.push({ operationId: '*', message: (err as Error).message.slice(0, 500), at: Date.now() });
    await end({ status: 'failed', errors: p.errors, finishedAt: Date.now(), etaAt: null });

    return 'failed';
  } finally {
    beat.stop();
  }

  async function end(patch: TProgressPatch) {
    beat.stop();
    if (await endRun(db, fence, { patch })) publish();
  }

  /** Step `i` of the plan; its pages are stored only once the lane `after` (the steps before it) is done. */
  async function runStep({ client, ttlMs }: TConnection, lane: { step: TPlanStep; i: number; after: Promise<unknown> }) {
    const { step, i, after } = lane;
    const laneSignal = AbortSignal.any([signal, halt.signal]);
    try {
      await fetchPages(client, step, {
        workspaceId: fence.workspaceId,
        startPage: i === p.cursor.op ? p.cursor.page : 1,
        pageSize: opts.pageSize,
        signal: laneSignal,
        onPage: async ({ page, entities, last }) => {
          await after; // the steps before this one are stored first
          await storing;
          storing = (async () => {
            try {
              p.entities += await upsertEntities(db, fence.workspaceId, { entities, now: Date.now(), ttlMs });
            } catch (err) {
              throw new StoreError(`storing page ${page} of ${step.operationId} failed: ${(err as Error).message}`);
            }
            p.pages++;
            p.cursor = last ? { op: i + 1, page: 1 } : { op: i, page: page + 1 };
            if (last) p.opsDone++;
            await save({ pages: p.pages, entities: p.entities, opsDone: p.opsDone, cursor: p.cursor, etaAt: eta() });
          })();
          storing.catch(() => undefined); // surfaced by the next `await storing`
        },
      });
    } catch (err) {
      if (laneSignal.aborted || err instanceof LeaseLostError || err instanceof StoreError) throw err;
      await after;
      await storing;
      const who = step.pathParams?.userId ? `user ${step.pathParams.userId}: ` : '';
      p.errors.push({ operationId: step.operationId, message: `${who}${(err as Error).message}`.slice(0, 500), at: Date.now() });
      p.opsDone++;
      p.cursor = { op: i + 1, page: 1 };
      await save({ errors: p.errors, opsDone: p.opsDone, cursor: p.cursor, etaAt: eta() });
    }
  }
}
