import type { TExpense } from '../../state/types';
import type { TWorkspaceData } from '../../state/workspace-data';
import { findOr404 } from './entities';
import { paged, str } from './query';
import { api, type TRouteDef } from './types';

const BASE = '/v1/workspaces/{workspaceId}/expenses';

/** ExpenseHydratedDtoV1 */
function hydrated(ws: TWorkspaceData, e: TExpense) {
  const project = ws.projects.find((p) => p.id === e.projectId);
  const task = ws.tasks.find((t) => t.id === e.taskId);
  const { taskId: _taskId, projectId: _projectId, categoryId: _categoryId, ...rest } = e;

  return {
    ...rest,
    isLocked: e.locked,
    fileName: '',
    category: ws.expenseCategories.find((c) => c.id === e.categoryId) ?? null,
    project: project
      ? { id: project.id, name: project.name, color: project.color, clientId: project.clientId, clientName: project.clientName }
      : null,
    task: task ? { id: task.id, name: task.name } : null,
  };
}

function dailyTotals(expenses: TExpense[]) {
  const byDay = new Map<string, number>();
  for (const e of expenses) {
    byDay.set(e.date, (byDay.get(e.date) ?? 0) + e.total);
  }

  return [...byDay].map(([date, total]) => ({ date: date.slice(0, 10), dateAsInstant: date, total }));
}

export const expenseRoutes: TRouteDef[] = [
  api({ method: 'GET', path: BASE, operationId: 'getExpenses' }, ({ ws, query }) => {
    const user = str(query, 'user-id');
    const found = ws.expenses.filter((e) => !user || e.userId === user).sort((a, b) => b.date.localeCompare(a.date));
    const page = paged(found, query);

    return {
      body: {
        expenses: { count: found.length, expenses: page.body.map((e) => hydrated(ws, e)) },
        dailyTotals: dailyTotals(found),
        weeklyTotals: [],
      },
      headers: page.headers,
    };
  }),
  api({ method: 'GET', path: `${BASE}/{expenseId}`, operationId: 'getExpense' }, ({ ws, params }) => {
    const expense = findOr404(ws.expenses, params.expenseId, 'Expense');

    return { body: { ...expense, isLocked: expense.locked } };
  }),
  api({ method: 'GET', path: `${BASE}/categories`, operationId: 'getCategories' }, ({ ws, query }) => {
    const page = paged(ws.expenseCategories, query);

    return { body: { categories: page.body, count: ws.expenseCategories.length }, headers: page.headers };
  }),
];
