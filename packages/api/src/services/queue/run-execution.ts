import { executeFlow, type TFlowDefinition, type TJournalEntry, type TStepOutput, type TStepRequest } from '@uw/flow-engine';

import { AppError } from '../../errors';
import type { TRuntime } from '../../runtime';
import { effectiveSettings } from '../settings/effective-settings';
import { retryDelayMs } from './backoff';
import type { TClaimed } from './claim';
import { LeaseLostError } from '../leases/lease';
import { CancelRequestedError, cancelRecord } from './cancel-boundary';
import { checkpoint, loadSteps, type TNumberedStep, type TStepRecord } from './journal';
import { recordedDecision, toStepRecord } from './journal-entries';
import { loadTrigger } from './load-trigger';
import { notifyExecutionFailed } from './notify-failed';
import { createPorts } from './ports';

/**
 * Runs one claimed execution to its next stop: done, failed, parked by a wait (`waiting`), or rescheduled
 * for a retry. A failure after the last attempt raises EXECUTION_FAILED. Steps already
 * recorded as succeeded are reused, never re-sent; each new step is committed as it ends (fenced).
 */
export async function runExecution(runtime: TRuntime, claimed: TClaimed): Promise<void> {
  const { deps } = runtime;
  const held = { id: claimed.id, workspace_id: claimed.workspace_id, lease_token: claimed.lease_token };
  const installation = await runtime.installations.get(claimed.workspace_id);
  const settings = effectiveSettings(deps.config.settingsDefaults, installation?.settings ?? {});
  // Step records wait for the next commit: the one before the next request leaves (`started`), or the
  // outcome's. What a request did is thus durable before anything else happens, and a single-action
  // flow commits once. Conditions are pure: a run that dies first evaluates them again.
  let deferred: TNumberedStep[] = [];
  let trigger: Promise<Awaited<ReturnType<typeof loadTrigger>>> | null = null;
  const triggerOnce = () => (trigger ??= loadTrigger(runtime, claimed));
  const finish = async (
    status: TFinishStatus,
    { error, runAfter, refund }: { error?: unknown; runAfter?: number; refund?: boolean } = {},
  ) => {
    // A run put back (a retry, a wait, a paused workspace) after someone asked to cancel it ends here instead.
    if ((status === 'queued' || status === 'waiting') && (await cancelAsked())) return cancel();
    const steps = deferred;
    deferred = [];
    const outcome = { status, error, runAfter, refund };
    const ok = await runtime.finishes.submit({ held, outcome, extras: { steps, flowId: claimed.flow_id } });
    if (!ok) {
      deps.logger.warn({ executionId: claimed.id }, 'late completion refused: the lease was taken over');

      return;
    }
    if (status === 'succeeded' || status === 'filtered' || status === 'failed') deps.metrics.executionFinished(status);
    if (status === 'cancelled') deps.metrics.executionFinished(status);
    deps.bus.publish({ type: 'execution.updated', workspaceId: claimed.workspace_id, executionId: claimed.id, status });
    if (status === 'failed') await notifyExecutionFailed(runtime, claimed, { error, trigger: triggerOnce });
  };

  // The step boundary check without records to commit; a lost lease is left to the fenced finish.
  const cancelAsked = () =>
    checkpoint(deps.db, held, []).catch((err: unknown) => (err instanceof LeaseLostError ? false : Promise.reject(err)));
  // Asked to cancel: the timeline says who and when, the run ends `cancelled` (what it sent stays recorded).
  const cancel = async (): Promise<void> => {
    const seqOf = seqNext ?? (await loadSteps(deps.db, claimed.workspace_id, claimed.id)).length;
    deferred.push({
      seq: typeof seqOf === 'number' ? seqOf : seqOf(),
      step: await cancelRecord(deps.db, claimed.workspace_id, claimed.id),
    });

    return finish('cancelled');
  };
  let seqNext: (() => number) | null = null;
  if (claimed.cancel_requested_at !== null) return cancel();

  // The claim counted this run. More runs than `flow_max_attempts` means earlier ones never reported back
  // (the process died mid-run, e.g. on a poison payload): park it instead of running it again (Q10).
  if (claimed.attempts > settings.flow_max_attempts) {
    const message = `stopped after ${settings.flow_max_attempts} attempts; the last did not finish (the process stopped mid-run)`;

    // Refunded: `attempts` stays the number of runs that started.
    return finish('failed', { error: { code: 'ATTEMPTS_EXHAUSTED', message }, refund: true });
  }
  if (!installation || installation.status === 'DELETED')
    return finish('failed', { error: { code: 'WORKSPACE_INACTIVE', message: 'the add-on is no longer installed' } });
  if (installation.status !== 'ACTIVE') return finish('queued', { runAfter: Date.now() + 60_000, refund: true });
  const definition = await runtime.executionCaches.definition(claimed.workspace_id, claimed.flow_version_id);
  if (!definition) return finish('failed', { error: { code: 'NOT_FOUND', message: 'flow version not found' } });

  // A first run that nobody ran before has no journal yet (a manual retry starts with copied steps; a run
  // resumed after a wait has its journal, the wait's claim being refunded).
  const fresh = claimed.attempts === 1 && !claimed.reclaimed && !claimed.retry_of && !claimed.resumed;
  const steps = fresh ? [] : await loadSteps(deps.db, claimed.workspace_id, claimed.id);
  let seq = steps.length;
  seqNext = () => seq++;
  const record = (step: TStepRecord) => {
    deferred.push({ seq: seq++, step });
  };
  const commitDeferred = async () => {
    const batch = deferred;
    deferred = [];
    if (await checkpoint(deps.db, held, batch)) throw new CancelRequestedError(claimed.id);
    confirmedAt = Date.now();
  };
  // The cancel state is known as of the claim (or the last checkpoint) until a request has been sent since.
  let confirmedAt = Date.now();
  let sentSince = false;
  const beforeRequest = async () => {
    const known = !sentSince && Date.now() - confirmedAt < CANCEL_KNOWN_MS;
    if (!known || deferred.some((d) => !DECISIONS.has(d.step.kind))) await commitDeferred();
    sentSince = true;
  };
  try {
    if (claimed.reclaimed)
      record({
        nodeId: null,
        kind: 'lease_expired',
        status: 'info',
        error: { message: 'the previous worker stopped renewing its lease; resumed here' },
      });
    const input = await triggerOnce();
    const attemptOf = (nodeId: string) =>
      1 + steps.filter((s) => s.nodeId === nodeId && (s.status === 'retrying' || s.status === 'failed')).length;
    const sent = new Map<string, { request: TStepRequest; at: number }>();
    const outcome = await executeFlow({
      definition,
      executionId: claimed.id,
      secretMarker: runtime.secretMarker,
      context: { ...input, workspace: { id: claimed.workspace_id }, steps: {} },
      evaluator: runtime.evaluator,
      ports: createPorts(runtime, { installation, settings, claimed }),
      journal: {
        completed: (nodeId) => {
          const done = steps.find((s) => s.nodeId === nodeId && s.status === 'succeeded' && s.kind !== 'condition');

          return done ? (done.response as TStepOutput) : undefined;
        },
        started: async (nodeId, request) => {
          await beforeRequest();
          sent.set(nodeId, { request, at: Date.now() });
        },
        record: (entry: TJournalEntry) => record(toStepRecord(entry, { attemptOf, sent, metrics: deps.metrics })),
        recorded: (key) => recordedDecision(steps, key),
      },
    });
    // `filtered`: its conditions ended it before any action acted; a run that acted `succeeded`.
    if (outcome.status === 'succeeded' || outcome.status === 'filtered') return finish(outcome.status);
    // A wait: `waiting` until its time, holding no worker (nor an attempt); the run after it replays the journal.
    if (outcome.status === 'parked') return finish('waiting', { runAfter: outcome.resumeAt, refund: true });
    const nodeId = outcome.key ?? outcome.nodeId ?? null;
    const attempt = nodeId ? attemptOf(nodeId) : 1;
    const failure = { nodeId, ...outcome.error };
    const attemptRecord = {
      nodeId,
      kind: kindOf(definition, outcome.nodeId ?? null),
      attempt,
      error: outcome.error,
      request: nodeId ? sent.get(nodeId)?.request : undefined,
      latencyMs: nodeId && sent.has(nodeId) ? Date.now() - sent.get(nodeId)!.at : null,
    };
    if (outcome.status === 'retry' && attempt < settings.flow_max_attempts && claimed.attempts < settings.flow_max_attempts) {
      record({ ...attemptRecord, status: 'retrying' });
      deps.metrics.stepRetried();

      return finish('queued', { error: failure, runAfter: Date.now() + retryDelayMs(attempt, outcome.retryAfterMs) });
    }
    record({ ...attemptRecord, status: 'failed' });

    return finish('failed', { error: failure });
  } catch (err) {
    if (err instanceof CancelRequestedError) return cancel();
    if (err instanceof LeaseLostError) {
      deps.logger.warn({ executionId: claimed.id }, err.message);

      return;
    }
    // Anything the engine did not classify: a user error fails the execution, the rest is retried later.
    const error = { code: (err as { code?: string }).code ?? 'INTERNAL', message: (err as Error).message };
    deps.logger.error({ executionId: claimed.id, err }, 'execution run failed unexpectedly');
    const permanent = err instanceof AppError && err.kind === 'user';

    const again = !permanent && claimed.attempts < settings.flow_max_attempts;

    return finish(again ? 'queued' : 'failed', { error, runAfter: Date.now() + retryDelayMs(claimed.attempts) });
  }
}

/**
 * Records that need not be durable before the next request: pure decisions (a run that dies evaluates them
 * again) and notes. They ride with the next commit that must happen (a request's outcome, or the run's).
 */
const DECISIONS = new Set(['condition', 'switch', 'set', 'lease_expired']);

/**
 * Before a request, the cancel check reads the database unless nothing was sent since the claim (or the last
 * checkpoint) read the cancel state, and that was under this long ago: a run's first request, right after its
 * claim, costs no query. A cancel asked in that instant takes effect at the next step boundary, as one asked
 * while that request is in flight does.
 */
const CANCEL_KNOWN_MS = 1_000;

type TFinishStatus = 'succeeded' | 'filtered' | 'failed' | 'cancelled' | 'queued' | 'waiting';

const kindOf = (definition: TFlowDefinition, nodeId: string | null) => definition.nodes.find((n) => n.id === nodeId)?.kind ?? 'flow';
