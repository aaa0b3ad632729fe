import type { MakeContext } from './make-context';
import { DESCRIPTIONS } from './names';
import { iso, isoDate, isoDuration } from './time';
import type { Expense, ExpenseCategory, Project, Tag, Task, TimeEntry } from './types';
import type { Workspace } from './workspace-data';

export type TimeEntryInput = {
  userId: string;
  project?: Project;
  task?: Task;
  tags?: Tag[];
  startMs: number;
  /** omitted: a running timer (end and duration null) */
  durationSec?: number;
  description?: string;
};

export function makeTimeEntry(ctx: MakeContext, ws: Workspace, input: TimeEntryInput): TimeEntry {
  const { startMs, durationSec } = input;
  const running = durationSec === undefined;

  return {
    id: ctx.id(),
    description: input.description ?? ctx.rng.pick(DESCRIPTIONS),
    tagIds: (input.tags ?? []).map((t) => t.id),
    userId: input.userId,
    billable: input.project?.billable ?? false,
    taskId: input.task?.id ?? null,
    projectId: input.project?.id ?? null,
    timeInterval: {
      start: iso(startMs),
      end: running ? null : iso(startMs + durationSec * 1000),
      duration: running ? null : isoDuration(durationSec),
    },
    workspaceId: ws.id,
    isLocked: false,
    hourlyRate: null,
    costRate: null,
    customFieldValues: [],
    type: 'REGULAR',
    kioskId: null,
  };
}

/** Recomputes end/duration after start or end changed (PUT with a new interval). */
export function withInterval(entry: TimeEntry, startMs: number, endMs: number | null): TimeEntry {
  return {
    ...entry,
    timeInterval: {
      start: iso(startMs),
      end: endMs === null ? null : iso(endMs),
      duration: endMs === null ? null : isoDuration((endMs - startMs) / 1000),
    },
  };
}

export function makeExpenseCategory(ctx: MakeContext, ws: Workspace, name: string, priceInCents: number): ExpenseCategory {
  return {
    id: ctx.id(),
    name,
    workspaceId: ws.id,
    archived: false,
    hasUnitPrice: priceInCents > 0,
    priceInCents,
    unit: priceInCents > 0 ? 'km' : '',
  };
}

export type ExpenseInput = { userId: string; project: Project; category: ExpenseCategory; dateMs: number; quantity: number; task?: Task };

export function makeExpense(ctx: MakeContext, ws: Workspace, input: ExpenseInput): Expense {
  const unit = input.category.hasUnitPrice ? input.category.priceInCents : 100;

  return {
    id: ctx.id(),
    workspaceId: ws.id,
    userId: input.userId,
    date: `${isoDate(input.dateMs)}T00:00:00Z`,
    projectId: input.project.id,
    taskId: input.task?.id ?? null,
    categoryId: input.category.id,
    notes: '',
    quantity: input.quantity,
    billable: input.project.billable,
    fileId: '',
    total: input.quantity * unit,
    locked: false,
  };
}
