import type { TMakeContext } from './make-context';
import { DESCRIPTIONS } from './names';
import { iso, isoDate, isoDuration } from './time';
import type { TExpense, TExpenseCategory, TProject, TTag, TTask, TTimeEntry } from './types';
import type { TWorkspace } from './workspace-data';

export type TTimeEntryInput = {
  userId: string;
  project?: TProject;
  task?: TTask;
  tags?: TTag[];
  startMs: number;
  /** omitted: a running timer (end and duration null) */
  durationSec?: number;
  description?: string;
};

export function makeTimeEntry(ctx: TMakeContext, ws: TWorkspace, input: TTimeEntryInput): TTimeEntry {
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
export function withInterval(entry: TTimeEntry, startMs: number, endMs: number | null): TTimeEntry {
  return {
    ...entry,
    timeInterval: {
      start: iso(startMs),
      end: endMs === null ? null : iso(endMs),
      duration: endMs === null ? null : isoDuration((endMs - startMs) / 1000),
    },
  };
}

export function makeExpenseCategory(ctx: TMakeContext, ws: TWorkspace, spec: { name: string; priceInCents: number }): TExpenseCategory {
  const { name, priceInCents } = spec;
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

export type TExpenseInput = {
  userId: string;
  project: TProject;
  category: TExpenseCategory;
  dateMs: number;
  quantity: number;
  task?: TTask;
};

export function makeExpense(ctx: TMakeContext, ws: TWorkspace, input: TExpenseInput): TExpense {
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
