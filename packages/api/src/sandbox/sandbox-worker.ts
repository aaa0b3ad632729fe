import { workerData } from 'node:worker_threads';

import { createEvaluator, type TEvaluatorOptions } from '@uw/flow-engine';

import { serveTasks } from './task-server';

/** The tasks a sandbox worker runs. Whole flow executions may join as another kind. */
export type TSandboxTask = { kind: 'evaluate'; expression: string; context: unknown };

const options = workerData as TEvaluatorOptions;
const evaluator = createEvaluator(options);
/**
 * A thread's first evaluation also pays its cold start (module code, the regex engine, the first JIT), which on a
 * busy machine took past the 100 ms budget and failed a flow's first run with EXPRESSION_TIMEOUT. It gets ten times
 * the time budget (at least a second); every other limit is the same, and the hard kill around the worker still holds.
 */
const coldStart = createEvaluator({ ...options, timeLimitMs: Math.max(1_000, 10 * (options.timeLimitMs ?? 100)) });
let warm = false;

serveTasks(async (task) => {
  const { kind, expression, context } = task as TSandboxTask;
  if (kind !== 'evaluate') throw new Error(`unknown sandbox task: ${String(kind)}`);
  if (warm) return evaluator.evaluate(expression, context);
  warm = true;

  return coldStart.evaluate(expression, context);
});
