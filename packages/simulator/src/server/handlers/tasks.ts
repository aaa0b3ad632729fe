import { makeTask } from '../../state/make-catalog';
import type { TTask } from '../../state/types';
import { assertUniqueName, assign, bodyOf, findOr404 } from './entities';
import { bool, nameMatches, paged, sortByName } from './query';
import { api, type TRouteDef } from './types';

const BASE = '/v1/workspaces/{workspaceId}/projects/{projectId}/tasks';
const EDITABLE = ['name', 'estimate', 'billable', 'status', 'assigneeIds', 'userGroupIds'] as const;

function patched(task: TTask, patch: Record<string, unknown>): TTask {
  assign(task, patch, EDITABLE);
  task.assigneeId = task.assigneeIds[0] ?? '';

  return task;
}

export const taskRoutes: TRouteDef[] = [
  api({ method: 'GET', path: BASE, operationId: 'getTasks' }, ({ ws, params, query }) => {
    findOr404(ws.projects, params.projectId, 'Project');
    const active = bool(query, 'is-active');
    const found = ws.tasks.filter(
      (t) => t.projectId === params.projectId && nameMatches(t.name, query) && (!active || t.status === 'ACTIVE'),
    );

    return paged(sortByName(found, query), query);
  }),
  api({ method: 'GET', path: `${BASE}/{taskId}`, operationId: 'getTask' }, ({ ws, params }) => ({
    body: findOr404(
      ws.tasks.filter((t) => t.projectId === params.projectId),
      params.taskId,
      'Task',
    ),
  })),
  api({ method: 'POST', path: BASE, operationId: 'createTask' }, ({ ws, params, body, store }) => {
    const project = findOr404(ws.projects, params.projectId, 'Project');
    const patch = bodyOf(body);
    const name = String(patch.name ?? '');
    assertUniqueName(
      ws.tasks.filter((t) => t.projectId === project.id),
      { name, label: 'Task' },
    );
    const task = patched(makeTask(store.ctx, project, { name, assigneeIds: [] }), patch);
    ws.tasks.push(task);

    return { status: 201, body: task };
  }),
  api({ method: 'PUT', path: `${BASE}/{taskId}`, operationId: 'updateTask' }, ({ ws, params, body }) => {
    const task = findOr404(
      ws.tasks.filter((t) => t.projectId === params.projectId),
      params.taskId,
      'Task',
    );

    return { body: patched(task, bodyOf(body)) };
  }),
  api({ method: 'DELETE', path: `${BASE}/{taskId}`, operationId: 'deleteTask' }, ({ ws, params }) => {
    const task = findOr404(
      ws.tasks.filter((t) => t.projectId === params.projectId),
      params.taskId,
      'Task',
    );
    ws.tasks = ws.tasks.filter((t) => t.id !== task.id);

    return { body: task };
  }),
];
