import type { TFlowWaitNode } from '../model/node-schemas';
import { evaluateField } from './run-decisions';
import { failedStop, recall, type TNodeAt, type TRun, type TStop, type TVisit } from './run-state';

const MAX_WAIT_SECONDS = 366 * 86_400;

/** `seconds` from now, or `until` as a time: epoch ms, or an error message. */
type TResumeTime = { at: number } | { invalid: string; field: string } | TStop;

async function resumeTime(run: TRun, { node, frame, key }: TNodeAt<TFlowWaitNode>): Promise<TResumeTime> {
  const field: string = node.data.seconds === undefined ? 'data.until' : 'data.seconds';
  const expression = node.data.seconds ?? node.data.until ?? '';
  const evaluated = await evaluateField(run, frame, { nodeId: node.id, key, field, expression });
  if ('stop' in evaluated) return evaluated;
  const { value } = evaluated;
  if (field === 'data.seconds') {
    const isValid = typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_WAIT_SECONDS;

    return isValid ? { at: run.now() + value * 1000 } : { invalid: `seconds must be a number from 0 to ${MAX_WAIT_SECONDS}`, field };
  }
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;

  return Number.isFinite(at) ? { at } : { invalid: 'until must be an ISO-8601 time such as "2026-01-05T09:00:00Z"', field };
}

/**
 * A wait parks the run until its time (the caller resumes it later with the same journal) and lets it
 * through once the time has passed. The time is computed once, when the wait is first reached, and
 * journaled. A dry run notes the time and goes on.
 */
export async function runWait(run: TRun, visit: TNodeAt<TFlowWaitNode>): Promise<TVisit> {
  const { node, frame, key } = visit;
  const at = { nodeId: node.id, key };
  const { journal, dryRun } = run.input;
  if (!dryRun && !journal.recorded) {
    return failedStop(run, { code: 'WAIT_UNSUPPORTED', kind: 'user', message: 'this journal cannot resume a wait (no recorded())' }, at);
  }
  const prior = await recall(run, key, 'wait');
  if (prior?.status === 'resumed') return { state: 'waited', extra: { until: prior.until } };
  let untilMs = prior ? Date.parse(prior.until) : Number.NaN;
  if (!prior) {
    const computed = await resumeTime(run, visit);
    if ('stop' in computed) return computed;
    if ('invalid' in computed) {
      return failedStop(run, { code: 'WAIT_INVALID_TIME', kind: 'user', message: computed.invalid, field: computed.field }, at);
    }
    untilMs = computed.at;
  }
  const until = new Date(untilMs).toISOString();
  if (dryRun) return { state: 'parked', extra: { until } };
  if (untilMs <= run.now()) {
    await journal.record({ ...at, kind: 'wait', status: 'resumed', until });

    return { state: 'waited', extra: { until } };
  }
  if (!prior) await journal.record({ ...at, kind: 'wait', status: 'parked', until });
  run.trace.push({
    nodeId: node.id,
    kind: 'wait',
    state: 'parked',
    until,
    ...(frame.path.length > 0 ? { key, path: [...frame.path] } : {}),
  });

  return { stop: { status: 'parked', ...at, until, resumeAt: untilMs, steps: run.rootSteps, trace: run.trace } };
}
