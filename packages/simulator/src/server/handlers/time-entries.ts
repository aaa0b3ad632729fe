import { timeEntryView } from '../../bodies/views';
import { withInterval } from '../../state/make-time';
import type { TTimeEntry } from '../../state/types';
import type { TWorkspaceData } from '../../state/workspace-data';
import { notFound } from '../http-error';
import { bodyOf, findOr404 } from './entities';
import { bool, list, paged, str } from './query';
import { entryAfterUpdate, entryFromBody } from './time-entry-input';
import { api, type THandlerInput, type TRouteDef } from './types';

const WS = '/v1/workspaces/{workspaceId}';

const startOf = (e: TTimeEntry) => Date.parse(e.timeInterval.start);
const newestFirst = (a: TTimeEntry, b: TTimeEntry) => startOf(b) - startOf(a);
const render = (ws: TWorkspaceData, e: TTimeEntry, query: Record<string, unknown>) => (bool(query, 'hydrated') ? timeEntryView(ws, e) : e);

function matchesQuery(e: TTimeEntry, query: Record<string, unknown>): boolean {
  const start = str(query, 'start');
  const end = str(query, 'end');
  const description = str(query, 'description');
  const tags = list(query, 'tags');
  const inProgress = bool(query, 'in-progress');

  return (
    (!start || startOf(e) >= Date.parse(start)) &&
    (!end || startOf(e) <= Date.parse(end)) &&
    (!description || e.description.toLowerCase().includes(description.toLowerCase())) &&
    (!str(query, 'project') || e.projectId === str(query, 'project')) &&
    (!str(query, 'task') || e.taskId === str(query, 'task')) &&
    tags.every((t) => e.tagIds.includes(t)) &&
    (!bool(query, 'project-required') || e.projectId !== null) &&
    (!bool(query, 'task-required') || e.taskId !== null) &&
    (inProgress === undefined || (e.timeInterval.end === null) === inProgress)
  );
}

/** Clockify stops a user's running timer when another one starts. */
function create({ ws, store }: THandlerInput, userId: string, body: unknown) {
  findOr404(ws.users, userId, 'User');
  const entry = entryFromBody(store.ctx, { ws, userId }, body);
  if (entry.timeInterval.end === null) {
    ws.timeEntries = ws.timeEntries.map((e) =>
      e.userId === userId && e.timeInterval.end === null ? withInterval(e, startOf(e), startOf(entry)) : e,
    );
  }
  ws.timeEntries.unshift(entry);

  return { status: 201, body: entry };
}

export const timeEntryRoutes: TRouteDef[] = [
  api({ method: 'GET', path: `${WS}/user/{userId}/time-entries`, operationId: 'getTimeEntries' }, ({ ws, params, query }) => {
    findOr404(ws.users, params.userId, 'User');
    const found = ws.timeEntries.filter((e) => e.userId === params.userId && matchesQuery(e, query)).sort(newestFirst);
    const page = paged(found, query);

    return { ...page, body: page.body.map((e) => render(ws, e, query)) };
  }),
  api({ method: 'GET', path: `${WS}/time-entries/status/in-progress`, operationId: 'getInProgressTimeEntries' }, ({ ws, query }) =>
    paged(ws.timeEntries.filter((e) => e.timeInterval.end === null).sort(newestFirst), query, 10),
  ),
  api({ method: 'POST', path: `${WS}/time-entries`, operationId: 'createTimeEntry' }, (input) =>
    create(input, input.auth.userId ?? input.ws.workspace.ownerId, input.body),
  ),
  api({ method: 'POST', path: `${WS}/user/{userId}/time-entries`, operationId: 'createForOthers' }, (input) =>
    create(input, input.params.userId ?? '', input.body),
  ),
  api({ method: 'GET', path: `${WS}/time-entries/{id}`, operationId: 'getTimeEntry' }, ({ ws, params, query }) => ({
    body: render(ws, findOr404(ws.timeEntries, params.id, 'Time entry'), query),
  })),
  api({ method: 'PUT', path: `${WS}/time-entries/{id}`, operationId: 'updateTimeEntry' }, ({ ws, params, body }) => {
    const updated = entryAfterUpdate(ws, findOr404(ws.timeEntries, params.id, 'Time entry'), body);
    ws.timeEntries = ws.timeEntries.map((e) => (e.id === updated.id ? updated : e));

    return { body: updated };
  }),
  api({ method: 'DELETE', path: `${WS}/time-entries/{id}`, operationId: 'deleteTimeEntry' }, ({ ws, params }) => {
    const entry = findOr404(ws.timeEntries, params.id, 'Time entry');
    ws.timeEntries = ws.timeEntries.filter((e) => e.id !== entry.id);
    ws.deletedTimeEntries.push(entry);

    return { status: 204 };
  }),
  api({ method: 'PATCH', path: `${WS}/user/{userId}/time-entries`, operationId: 'stopRunningTimeEntry' }, ({ ws, params, body }) => {
    const running = ws.timeEntries.find((e) => e.userId === params.userId && e.timeInterval.end === null);
    if (!running) {
      throw notFound('Running time entry');
    }
    const endMs = Date.parse(String(bodyOf(body).end ?? '')) || Date.now();
    const stopped = withInterval(running, startOf(running), Math.max(endMs, startOf(running)));
    ws.timeEntries = ws.timeEntries.map((e) => (e.id === stopped.id ? stopped : e));

    return { body: stopped };
  }),
];
