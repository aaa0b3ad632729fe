import type { TMakeContext } from './make-context';
import { COLORS } from './names';
import type { TClient, TProject, TTag, TTask } from './types';
import type { TWorkspace } from './workspace-data';

export function makeClient(ctx: TMakeContext, ws: TWorkspace, name: string): TClient {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '');

  return {
    id: ctx.id(),
    name,
    workspaceId: ws.id,
    archived: false,
    address: `${ctx.rng.int(1, 200)} Main Street`,
    email: `billing@${slug}.example.com`,
    note: '',
    ccEmails: [],
    currencyId: ws.currency.id,
    currencyCode: ws.currency.code,
  };
}

export function makeProject(ctx: TMakeContext, ws: TWorkspace, spec: { name: string; client: TClient | undefined }): TProject {
  const { name, client } = spec;
  return {
    id: ctx.id(),
    name,
    workspaceId: ws.id,
    clientId: client?.id ?? '',
    clientName: client?.name ?? '',
    billable: ctx.rng.bool(0.7),
    color: ctx.rng.pick(COLORS),
    archived: false,
    duration: 'PT0S',
    note: '',
    public: true,
    template: false,
    hourlyRate: { amount: ctx.rng.pick([5000, 7500, 10000, 12500]), currency: ws.currency.code },
    costRate: null,
    estimate: { estimate: 'PT0S', type: 'AUTO' },
    memberships: [],
  };
}

export function makeTask(ctx: TMakeContext, project: TProject, spec: { name: string; assigneeIds: string[] }): TTask {
  const { name, assigneeIds } = spec;
  return {
    id: ctx.id(),
    name,
    projectId: project.id,
    workspaceId: project.workspaceId,
    assigneeIds,
    assigneeId: assigneeIds[0] ?? '',
    userGroupIds: [],
    estimate: 'PT0S',
    status: 'ACTIVE',
    duration: 'PT0S',
    billable: project.billable,
    hourlyRate: null,
    costRate: null,
    budgetEstimate: 0,
  };
}

export const makeTag = (ctx: TMakeContext, ws: TWorkspace, name: string): TTag => ({
  id: ctx.id(),
  name,
  workspaceId: ws.id,
  archived: false,
});
