import type { TBudgets, TStepError } from './execution-types';

export type { TBudgets };

export const BUDGET_DEFAULTS: Readonly<TBudgets> = { maxSteps: 10_000, maxItems: 10_000, maxRunMs: 300_000 };

const over = (code: string, message: string, limit: number): TStepError => ({ code, message, kind: 'user', details: { limit } });

/** Counts steps and items and watches the clock; each call answers the first budget exceeded, if any. */
export function createBudgetTracker(budgets: Partial<TBudgets> | undefined, now: () => number, startedAt: number) {
  const limits = { ...BUDGET_DEFAULTS, ...budgets };
  let steps = 0;
  let items = 0;

  return {
    step(): TStepError | undefined {
      steps += 1;
      if (steps > limits.maxSteps) {
        return over('BUDGET_STEPS', `the execution ran more than ${limits.maxSteps} steps`, limits.maxSteps);
      }
      if (now() - startedAt > limits.maxRunMs) {
        return over('BUDGET_TIME', `the execution ran longer than ${limits.maxRunMs} ms`, limits.maxRunMs);
      }

      return undefined;
    },
    items(count: number): TStepError | undefined {
      items += count;

      return items > limits.maxItems
        ? over('BUDGET_ITEMS', `the execution's loops got more than ${limits.maxItems} items`, limits.maxItems)
        : undefined;
    },
  };
}

export type TBudgetTracker = ReturnType<typeof createBudgetTracker>;
