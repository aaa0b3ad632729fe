import { makeProject } from '../../state/make-catalog';
import type { TProject } from '../../state/types';
import type { TWorkspaceData } from '../../state/workspace-data';
import { badRequest } from '../http-error';
import { assertUniqueName, assign, bodyOf, findOr404 } from './entities';
import { bool, list, nameMatches, paged, sortByName } from './query';
import { api, type TRouteDef } from './types';

const BASE = '/v1/workspaces/{workspaceId}/projects';

function filtered(ws: TWorkspaceData, query: Record<string, unknown>): TProject[] {
  const archived = bool(query, 'archived');
  const billable = bool(query, 'billable');
  const clients = list(query, 'clients');

  return ws.projects.filter(
    (p) =>
      nameMatches(p.name, query) &&
      (archived === undefined || p.archived === archived) &&
      (billable === undefined || p.billable === billable) &&
      (clients.length === 0 || clients.includes(p.clientId)),
  );
}

function applyPatch(ws: TWorkspaceData, project: TProject, patch: Record<string, unknown>): TProject {
  assign(project, patch, ['name', 'billable', 'color', 'note', 'archived']);
  if (typeof patch.isPublic === 'boolean') {
    project.public = patch.isPublic;
  }
  if (typeof patch.clientId === 'string') {
    const client = patch.clientId ? findOr404(ws.clients, patch.clientId, 'Client') : undefined;
    project.clientId = client?.id ?? '';
    project.clientName = client?.name ?? '';
  }
  const rate = patch.hourlyRate as { amount?: number } | undefined;
  if (typeof rate?.amount === 'number') {
    project.hourlyRate = { amount: rate.amount, currency: ws.workspace.currency.code };
  }

  return project;
}

export const projectRoutes: TRouteDef[] = [
  api({ method: 'GET', path: BASE, operationId: 'getProjects' }, ({ ws, query }) => paged(sortByName(filtered(ws, query), query), query)),
  api({ method: 'GET', path: `${BASE}/{projectId}`, operationId: 'getProject' }, ({ ws, params }) => ({
    body: findOr404(ws.projects, params.projectId, 'Project'),
  })),
  api({ method: 'POST', path: BASE, operationId: 'createNewProject' }, ({ ws, body, store }) => {
    const patch = bodyOf(body);
    const name = String(patch.name ?? '');
    assertUniqueName(
      ws.projects.filter((p) => p.clientId === (patch.clientId ?? '')),
      { name, label: 'Project' },
    );
    const project = applyPatch(ws, makeProject(store.ctx, ws.workspace, { name, client: undefined }), patch);
    ws.projects.push(project);

    return { status: 201, body: project };
  }),
  api({ method: 'PUT', path: `${BASE}/{projectId}`, operationId: 'updateProject' }, ({ ws, params, body }) => {
    const project = findOr404(ws.projects, params.projectId, 'Project');
    const patch = bodyOf(body);
    if (typeof patch.name === 'string') {
      assertUniqueName(
        ws.projects.filter((p) => p.clientId === project.clientId),
        { name: patch.name, label: 'Project', exceptId: project.id },
      );
    }

    return { body: applyPatch(ws, project, patch) };
  }),
  api({ method: 'DELETE', path: `${BASE}/{projectId}`, operationId: 'deleteProject' }, ({ ws, params }) => {
    const project = findOr404(ws.projects, params.projectId, 'Project');
    if (!project.archived) {
      throw badRequest('Cannot delete an active project; archive it first');
    }
    ws.projects = ws.projects.filter((p) => p.id !== project.id);
    ws.tasks = ws.tasks.filter((t) => t.projectId !== project.id);

    return { body: project };
  }),
];
