import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ExpressionError, FlowError, type TEvaluator, type TEvaluatorOptions, type TExpressionErrorCode } from '@uw/flow-engine';

import { createInlineEvaluator } from './inline-evaluator';
import type { TSandboxTask } from './sandbox-worker';
import { createWorkerPool, TaskError, WorkerPoolError, type TWorkerPool } from './worker-pool';

export type TSandboxOptions = {
  /** Budgets of each evaluation (cooperative: checked between JSONata steps). Data only: it crosses to the workers. */
  budgets?: Omit<TEvaluatorOptions, 'now' | 'regexEngine'>;
  /** Worker threads (default 2). */
  size?: number;
  /** Heap cap per worker in MB (default 96). */
  heapMb?: number;
  /** Wall-clock kill of a worker stuck in one evaluation (default 1,000 ms, ten times the cooperative budget). */
  hardTimeoutMs?: number;
  onWorkerLost?: (reason: 'timeout' | 'crashed', detail: string) => void;
  /** Bounded expressions (`isBoundedAst`) run on this thread instead of a worker (default true). */
  inline?: boolean;
};

export type TSandboxedEvaluator = TEvaluator & { stats: TWorkerPool['stats']; close(): Promise<void> };

export const SANDBOX_DEFAULTS = { size: 2, heapMb: 96, hardTimeoutMs: 1_000 } as const;

const ownExtension = extname(fileURLToPath(import.meta.url));

function toExpressionError(error: unknown, hardTimeoutMs: number): unknown {
  if (error instanceof TaskError && error.data.name === 'ExpressionError') {
    const { code, message, position, jsonataCode } = error.data;
    const revived = new ExpressionError(code as TExpressionErrorCode, String(message), typeof position === 'number' ? position : undefined);
    if (typeof jsonataCode === 'string') revived.jsonataCode = jsonataCode;

    return revived;
  }
  if (error instanceof TaskError) return new ExpressionError('EXPRESSION_ERROR', error.message);
  // The backstop fired (hard time limit, heap limit): the run is retried — a busy machine can cause it too —
  // and each retry counts an attempt, so a flow that always does it is parked after flow_max_attempts.
  if (error instanceof WorkerPoolError && error.reason === 'timeout') {
    return new FlowError(
      'EXPRESSION_TIMEOUT',
      `expression evaluation did not end within the hard limit of ${hardTimeoutMs} ms and was stopped`,
      { kind: 'operational' },
    );
  }
  if (error instanceof WorkerPoolError && error.reason === 'crashed') {
    return new FlowError('EXPRESSION_CRASHED', `expression evaluation crashed its sandbox (${error.message})`, { kind: 'operational' });
  }

  // The pool was closed (shutdown): not the expression's fault, so the run is retried later.
  return Object.assign(new Error(error instanceof Error ? error.message : String(error)), { code: 'SANDBOX_CLOSED', kind: 'operational' });
}

/**
 * The evaluator the server uses: JSONata runs in worker threads (`createWorkerPool`), so an evaluation
 * that exhausts memory or blocks inside one builtin takes down only a worker, never the process, and
 * fails with EXPRESSION_CRASHED / EXPRESSION_TIMEOUT. Bounded expressions (field paths, literals,
 * operators, a few linear builtins: `isBoundedAst`) cannot do either, so they run on this thread
 * (`createInlineEvaluator`) and skip the round trip; when their outcome depends on resources the workers
 * evaluate them again. `check` (parse only, never runs anything) stays on this thread.
 */
export function createSandboxedEvaluator(options: TSandboxOptions = {}): TSandboxedEvaluator {
  const settings = { ...SANDBOX_DEFAULTS, ...options };
  const local = createInlineEvaluator(options.budgets);
  const inline = options.inline ?? true;
  let closed = false;
  const pool = createWorkerPool({
    script: new URL(`./sandbox-worker${ownExtension}`, import.meta.url),
    workerData: options.budgets ?? {},
    size: settings.size,
    heapMb: settings.heapMb,
    hardTimeoutMs: settings.hardTimeoutMs,
    onWorkerLost: options.onWorkerLost,
  });

  return {
    async evaluate(expression, context) {
      const done = inline && !closed ? await local.evaluate(expression, context) : undefined;
      if (done) return done.value;
      const task: TSandboxTask = { kind: 'evaluate', expression, context };
      try {
        return await pool.run(task);
      } catch (error) {
        throw toExpressionError(error, settings.hardTimeoutMs);
      }
    },
    check: (expression) => local.check(expression),
    stats: () => pool.stats(),
    close() {
      closed = true;

      return pool.close();
    },
  };
}
