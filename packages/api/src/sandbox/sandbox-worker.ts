import { workerData } from 'node:worker_threads';

import { createEvaluator, type TEvaluatorOptions } from '@uw/flow-engine';

import { serveTasks } from './task-server';

/** The tasks a sandbox worker runs. Whole flow executions may join as another kind. */
export type TSandboxTask = { kind: 'evaluate'; expression: string; context: unknown };

const options = workerData as TEvaluatorOptions;
const evaluator = createEvaluator(options);
/**
 * A thread's first evaluation pays its cold start (module code, the regex engine, the first JIT), which on a
 * busy machine took past the 100 ms budget. It is paid before the worker says it is ready, on an expression that
 * walks the usual paths (paths, a range, a constructor, a regex, string functions), so every task, a hostile first
 * one included, runs warm under the same budget and the hard kill only ever stops a task that outran it.
 */
const WARM_UP = '$count([1..3]) = 3 and $contains($string({"a": [1, "b"]}), /b/) and $uppercase("x") = "X"';

void serveTasks(
  async (task) => {
    const { kind, expression, context } = task as TSandboxTask;
    if (kind !== 'evaluate') throw new Error(`unknown sandbox task: ${String(kind)}`);

    return evaluator.evaluate(expression, context);
  },
  () => createEvaluator({ ...options, timeLimitMs: 10_000 }).evaluate(WARM_UP, {}),
);
