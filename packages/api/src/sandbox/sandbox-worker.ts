import { workerData } from 'node:worker_threads';

import { createEvaluator, type TEvaluatorOptions } from '@uw/flow-engine';

import { serveTasks } from './task-server';

/** The tasks a sandbox worker runs. Whole flow executions may join as another kind. */
export type TSandboxTask = { kind: 'evaluate'; expression: string; context: unknown };

const evaluator = createEvaluator(workerData as TEvaluatorOptions);

serveTasks(async (task) => {
  const { kind, expression, context } = task as TSandboxTask;
  if (kind !== 'evaluate') throw new Error(`unknown sandbox task: ${String(kind)}`);

  return evaluator.evaluate(expression, context);
});
