import { ExpressionError } from '../errors';

export type TBudget = {
  timeLimitMs: number;
  maxDepth: number;
  maxSteps: number;
  maxStringLength: number;
  now: () => number;
};

/** The slice of JSONata's evaluation frame the hooks read. `base` is the per-evaluate() root frame. */
type TFrame = { base: { depth: number } };
type TNode = { position?: number };
type TState = { startedAt: number; steps: number };

export const ENTRY_HOOK = Symbol.for('jsonata.__evaluate_entry');
export const EXIT_HOOK = Symbol.for('jsonata.__evaluate_exit');

/**
 * JSONata 2.x calls these around every AST node it evaluates (looked up by these Symbols on the
 * environment). State is keyed by the evaluation's root frame, which JSONata creates fresh in each
 * `evaluate()` call, so every evaluation gets its own clock, step count and depth even when one
 * compiled (cached) expression runs many times or concurrently.
 */
export function createBudgetHooks(budget: TBudget) {
  const states = new WeakMap<object, TState>();
  const stateOf = (frame: TFrame) => {
    let state = states.get(frame.base);
    if (!state) {
      state = { startedAt: budget.now(), steps: 0 };
      states.set(frame.base, state);
    }

    return state;
  };

  const entry = (node: TNode, _input: unknown, frame: TFrame) => {
    const state = stateOf(frame);
    state.steps += 1;
    if (frame.base.depth > budget.maxDepth) {
      throw new ExpressionError(
        'EXPRESSION_TOO_DEEP',
        `expression nested deeper than ${budget.maxDepth} levels (runaway recursion?)`,
        node.position,
      );
    }
    if (state.steps > budget.maxSteps) {
      throw new ExpressionError('EXPRESSION_TIMEOUT', `expression used its budget of ${budget.maxSteps} evaluation steps`, node.position);
    }
    if (budget.now() - state.startedAt > budget.timeLimitMs) {
      throw new ExpressionError('EXPRESSION_TIMEOUT', `expression ran longer than ${budget.timeLimitMs} ms`, node.position);
    }
  };

  // eslint-disable-next-line @typescript-eslint/max-params -- JSONata calls exit(node, input, frame, result)
  const exit = (node: TNode, _input: unknown, _frame: TFrame, result: unknown) => {
    if (typeof result === 'string' && result.length > budget.maxStringLength) {
      throw new ExpressionError(
        'EXPRESSION_LIMIT',
        `expression built a string longer than ${budget.maxStringLength} characters`,
        node.position,
      );
    }
  };

  return { entry, exit };
}
