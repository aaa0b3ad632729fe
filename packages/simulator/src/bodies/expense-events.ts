import { makeClient, makeProject } from '../state/make-catalog';
import { makeExpense, makeExpenseCategory } from '../state/make-time';
import type { TExpense } from '../state/types';
import { newestOrCreate } from './pick';
import type { TBodyBuilder, TBodyContext } from './types';

function newExpense(c: TBodyContext): TExpense {
  const { ctx, ws } = c;
  const project = newestOrCreate(ws.projects, () =>
    makeProject(ctx, ws.workspace, {
      name: 'Expenses',
      client: newestOrCreate(ws.clients, () => makeClient(ctx, ws.workspace, 'Acme Corp')),
    }),
  );
  const category = newestOrCreate(ws.expenseCategories, () =>
    makeExpenseCategory(ctx, ws.workspace, { name: 'Mileage', priceInCents: 50 }),
  );
  const expense = makeExpense(ctx, ws.workspace, {
    userId: ctx.rng.pick(ws.users).id,
    project,
    category,
    dateMs: ctx.now(),
    quantity: ctx.rng.int(1, 40),
  });
  ws.expenses.push(expense);

  return expense;
}

const latest = (c: TBodyContext) => newestOrCreate(c.ws.expenses, () => newExpense(c));

/** EXPENSE_UPDATED and EXPENSE_DELETED carry ids only. */
const idsOf = (e: TExpense) => ({
  workspaceId: e.workspaceId,
  userId: e.userId,
  projectId: e.projectId,
  expenseId: e.id,
  categoryId: e.categoryId,
});

export const EXPENSE_BODIES: Record<string, TBodyBuilder> = {
  EXPENSE_CREATED: (c) => {
    const { locked: _locked, ...body } = newExpense(c);

    return body;
  },
  EXPENSE_UPDATED: (c) => {
    const expense = latest(c);
    expense.quantity += 1;

    return idsOf(expense);
  },
  EXPENSE_DELETED: (c) => {
    const expense = latest(c);
    c.ws.expenses = c.ws.expenses.filter((e) => e.id !== expense.id);
    c.ws.deletedExpenses.push(expense);

    return idsOf(expense);
  },
  EXPENSE_RESTORED: (c) => {
    const expense = c.ws.deletedExpenses.pop() ?? latest(c);
    if (!c.ws.expenses.includes(expense)) {
      c.ws.expenses.push(expense);
    }
    const { taskId: _taskId, ...body } = expense;

    return body;
  },
};
