import type { MakeContext } from './make-context';
import { COLORS } from './names';
import type { Client, Project, Tag, Task } from './types';
import type { Workspace } from './workspace-data';

export function makeClient(ctx: MakeContext, ws: Workspace, name: string): Client {
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

export function makeProject(ctx: MakeContext, ws: Workspace, name: string, client: Client | undefined): Project {
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

export function makeTask(ctx: MakeContext, project: Project, name: string, assigneeIds: string[]): Task {
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

export const makeTag = (ctx: MakeContext, ws: Workspace, name: string): Tag => ({
  id: ctx.id(),
  name,
  workspaceId: ws.id,
  archived: false,
});
