import type { TMakeContext } from './make-context';
import { makeExpense, makeExpenseCategory, makeTimeEntry } from './make-time';
import { makeApprovalRequest, makeAssignment, makeHoliday, makePolicy, makeTimeOffRequest } from './make-workflow';
import { DAY, HOUR } from './time';
import type { TProject, TTag } from './types';
import type { TWorkspaceData } from './workspace-data';

/** Picks a project (usually), one of its tasks (often) and up to two tags for a new entry. */
export function pickWork(ctx: TMakeContext, ws: TWorkspaceData) {
  const project: TProject | undefined = ws.projects.length > 0 && ctx.rng.bool(0.9) ? ctx.rng.pick(ws.projects) : undefined;
  const tasks = project ? ws.tasks.filter((t) => t.projectId === project.id) : [];
  const task = tasks.length > 0 && ctx.rng.bool(0.8) ? ctx.rng.pick(tasks) : undefined;
  const tags: TTag[] = ws.tags.length > 0 ? [ctx.rng.pick(ws.tags)] : [];

  return { project, task, tags };
}

/** Spread over the four weeks before the anchor, 09:00-17:00 UTC, stored newest first like Clockify lists them. */
function seedTimeEntries(ctx: TMakeContext, ws: TWorkspaceData, spec: { count: number; anchorMs: number }) {
  const { count, anchorMs } = spec;
  for (let i = 0; i < count; i++) {
    const dayOffset = 1 + (i % 20) + Math.floor((i % 20) / 5) * 2;
    const dayStart = Math.floor((anchorMs - dayOffset * DAY) / DAY) * DAY;
    const startMs = dayStart + 9 * HOUR + ctx.rng.int(0, 14) * 30 * 60_000;
    const user = ws.users[i % ws.users.length] as { id: string };
    const entry = makeTimeEntry(ctx, ws.workspace, {
      userId: user.id,
      ...pickWork(ctx, ws),
      startMs,
      durationSec: ctx.rng.int(1, 6) * 1800,
    });
    ws.timeEntries.push(entry);
  }
  ws.timeEntries.sort((a, b) => b.timeInterval.start.localeCompare(a.timeInterval.start));
}

export function seedActivity(
  ctx: TMakeContext,
  ws: TWorkspaceData,
  spec: { counts: { timeEntries: number; expenses: number }; anchorMs: number },
): void {
  const { counts, anchorMs } = spec;
  seedTimeEntries(ctx, ws, { count: counts.timeEntries, anchorMs });
  const w = ws.workspace;
  ws.expenseCategories.push(
    makeExpenseCategory(ctx, w, { name: 'Mileage', priceInCents: 50 }),
    makeExpenseCategory(ctx, w, { name: 'Meals', priceInCents: 0 }),
  );
  const owner = ws.users[0];
  if (!owner) {
    return;
  }
  for (let i = 0; i < counts.expenses && ws.projects.length > 0; i++) {
    const category = ctx.rng.pick(ws.expenseCategories);
    const input = {
      userId: ctx.rng.pick(ws.users).id,
      project: ctx.rng.pick(ws.projects),
      category,
      dateMs: anchorMs - (i + 1) * DAY,
      quantity: ctx.rng.int(1, 40),
    };
    ws.expenses.push(makeExpense(ctx, w, input));
  }
  ws.holidays.push(makeHoliday(ctx, w, { name: 'New Year', dayMs: Date.UTC(new Date(anchorMs).getUTCFullYear(), 0, 1) }));
  const policy = makePolicy(ctx, w, { name: 'Vacation', users: ws.users });
  ws.policies.push(policy);
  const requester = ws.users[1] ?? owner;
  ws.timeOffRequests.push(makeTimeOffRequest(ctx, w, { user: requester, policy, startMs: anchorMs + 7 * DAY }));
  ws.approvalRequests.push(makeApprovalRequest(ctx, w, { owner: requester, approver: owner, weekStartMs: anchorMs - 7 * DAY }));
  if (ws.projects[0]) {
    ws.assignments.push(makeAssignment(ctx, w, { user: requester, project: ws.projects[0], startMs: anchorMs + DAY }));
  }
}
