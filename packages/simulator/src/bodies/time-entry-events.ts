import { makeTimeEntry, withInterval } from '../state/make-time';
import { DESCRIPTIONS } from '../state/names';
import type { TTimeEntry } from '../state/types';
import type { TBodyBuilder, TBodyContext } from './types';
import { timeEntryView } from './views';

/** A project that has tasks (so the body carries project, task and tags like Clockify's samples). */
function fullWork({ ctx, ws }: TBodyContext) {
  const withTasks = ws.projects.filter((p) => !p.archived && ws.tasks.some((t) => t.projectId === p.id));
  const project = withTasks.length > 0 ? ctx.rng.pick(withTasks) : ws.projects[0];
  const tasks = ws.tasks.filter((t) => t.projectId === project?.id);
  const task = tasks.length > 0 ? ctx.rng.pick(tasks) : undefined;

  return { project, task, tags: ws.tags.length > 0 ? [ctx.rng.pick(ws.tags)] : [] };
}

function addEntry(c: TBodyContext, running: boolean): TTimeEntry {
  const now = c.ctx.now();
  const user = c.ctx.rng.pick(c.ws.users);
  const input = running ? { startMs: now } : { startMs: now - 3_600_000, durationSec: 3600 };
  const entry = makeTimeEntry(c.ctx, c.ws.workspace, { userId: user.id, ...fullWork(c), ...input });
  c.ws.timeEntries.unshift(entry);

  return entry;
}

/** The newest finished entry that has a task (or a new one when there is none). */
function latestEntry(c: TBodyContext): TTimeEntry {
  return c.ws.timeEntries.find((e) => e.taskId && e.timeInterval.end) ?? addEntry(c, false);
}

function replace(c: TBodyContext, entry: TTimeEntry): TTimeEntry {
  const i = c.ws.timeEntries.findIndex((e) => e.id === entry.id);
  c.ws.timeEntries[i] = entry;

  return entry;
}

const view = (c: TBodyContext, e: TTimeEntry) => timeEntryView(c.ws, e);

function stopTimer(c: TBodyContext) {
  const running = c.ws.timeEntries.find((e) => e.timeInterval.end === null) ?? addEntry(c, true);
  const start = Date.parse(running.timeInterval.start);

  return view(c, replace(c, withInterval(running, start, Math.max(start + 60_000, c.ctx.now()))));
}

function deleteEntry(c: TBodyContext) {
  const entry = latestEntry(c);
  c.ws.timeEntries = c.ws.timeEntries.filter((e) => e.id !== entry.id);
  c.ws.deletedTimeEntries.push(entry);

  return view(c, entry);
}

function splitEntry(c: TBodyContext) {
  const entry = latestEntry(c);
  const start = Date.parse(entry.timeInterval.start);
  const end = Date.parse(entry.timeInterval.end ?? entry.timeInterval.start);
  const mid = start + Math.floor((end - start) / 2000) * 1000;
  const second = withInterval({ ...entry, id: c.ctx.id() }, mid, end);
  c.ws.timeEntries.unshift(second);

  return view(c, replace(c, withInterval(entry, start, mid)));
}

function restoreEntry(c: TBodyContext) {
  if (c.ws.deletedTimeEntries.length === 0) {
    deleteEntry(c);
  }
  const entry = c.ws.deletedTimeEntries.pop() as TTimeEntry;
  c.ws.timeEntries.unshift(entry);

  return view(c, entry);
}

export const TIME_ENTRY_BODIES: Record<string, TBodyBuilder> = {
  NEW_TIME_ENTRY: (c) => view(c, addEntry(c, false)),
  NEW_TIMER_STARTED: (c) => view(c, addEntry(c, true)),
  TIMER_STOPPED: stopTimer,
  TIME_ENTRY_UPDATED: (c) => view(c, replace(c, { ...latestEntry(c), description: c.ctx.rng.pick(DESCRIPTIONS) })),
  TIME_ENTRY_DELETED: deleteEntry,
  TIME_ENTRY_SPLIT: splitEntry,
  TIME_ENTRY_RESTORED: restoreEntry,
};
