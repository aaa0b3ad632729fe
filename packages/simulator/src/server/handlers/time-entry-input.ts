import type { TMakeContext } from '../../state/make-context';
import { makeTimeEntry, withInterval } from '../../state/make-time';
import type { TTimeEntry } from '../../state/types';
import type { TWorkspaceData } from '../../state/workspace-data';
import { badRequest } from '../http-error';
import { bodyOf } from './entities';

const instant = (value: unknown, field: string): number | undefined => {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  const ms = Date.parse(String(value));
  if (Number.isNaN(ms)) {
    throw badRequest(`${field} is not a valid date-time`);
  }

  return ms;
};

/** Checks the ids a create/update body refers to, like Clockify's "doesn't belong to workspace" 400s. */
function references(ws: TWorkspaceData, b: Record<string, unknown>) {
  const projectId = typeof b.projectId === 'string' && b.projectId ? b.projectId : undefined;
  const project = projectId ? ws.projects.find((p) => p.id === projectId) : undefined;
  if (projectId && !project) {
    throw badRequest(`Project with id ${projectId} doesn't belong to Workspace`);
  }
  const taskId = typeof b.taskId === 'string' && b.taskId ? b.taskId : undefined;
  const task = taskId ? ws.tasks.find((t) => t.id === taskId && t.projectId === projectId) : undefined;
  if (taskId && !task) {
    throw badRequest(`Task with id ${taskId} doesn't belong to the project`);
  }
  const tagIds = Array.isArray(b.tagIds) ? (b.tagIds as string[]) : [];
  const tags = tagIds.map((id) => ws.tags.find((t) => t.id === id));
  if (tags.some((t) => !t)) {
    throw badRequest("Tag doesn't belong to Workspace");
  }

  return { project, task, tags: tags as NonNullable<(typeof tags)[number]>[] };
}

function customValues(ws: TWorkspaceData, entryId: string, b: Record<string, unknown>): TTimeEntry['customFieldValues'] {
  const fields = Array.isArray(b.customFields) ? (b.customFields as { customFieldId?: string; value?: unknown }[]) : [];

  return fields.flatMap((f) => {
    const field = ws.customFields.find((c) => c.id === f.customFieldId);

    return field
      ? [{ customFieldId: field.id, timeEntryId: entryId, value: String(f.value ?? ''), name: field.name, type: 'TIMEENTRY' }]
      : [];
  });
}

/** A new entry from a CreateTimeEntryRequest (running when `end` is absent). */
export function entryFromBody(ctx: TMakeContext, owner: { ws: TWorkspaceData; userId: string }, body: unknown): TTimeEntry {
  const { ws, userId } = owner;
  const b = bodyOf(body);
  const startMs = instant(b.start, 'start') ?? ctx.now();
  const endMs = instant(b.end, 'end');
  if (endMs !== undefined && endMs < startMs) {
    throw badRequest('end must not be before start');
  }
  const durationSec = endMs === undefined ? undefined : (endMs - startMs) / 1000;
  const entry = makeTimeEntry(ctx, ws.workspace, {
    userId,
    ...references(ws, b),
    startMs,
    durationSec,
    description: typeof b.description === 'string' ? b.description : '',
  });
  if (typeof b.billable === 'boolean') {
    entry.billable = b.billable;
  }
  entry.customFieldValues = customValues(ws, entry.id, b);

  return entry;
}

/** The entry after an UpdateTimeEntryRequest (PUT replaces the editable fields). */
export function entryAfterUpdate(ws: TWorkspaceData, entry: TTimeEntry, body: unknown): TTimeEntry {
  const b = bodyOf(body);
  const { project, task, tags } = references(ws, b);
  const startMs = instant(b.start, 'start') ?? Date.parse(entry.timeInterval.start);
  const endMs = instant(b.end, 'end') ?? null;
  if (endMs !== null && endMs < startMs) {
    throw badRequest('end must not be before start');
  }
  const next = withInterval(entry, startMs, endMs);

  return {
    ...next,
    projectId: project?.id ?? null,
    taskId: task?.id ?? null,
    tagIds: tags.map((t) => t.id),
    description: typeof b.description === 'string' ? b.description : '',
    billable: typeof b.billable === 'boolean' ? b.billable : entry.billable,
    customFieldValues: Array.isArray(b.customFields) ? customValues(ws, entry.id, b) : entry.customFieldValues,
  };
}
