import { makeClient, makeProject, makeTag, makeTask } from './make-catalog';
import type { TMakeContext } from './make-context';
import { makeCustomField } from './make-custom-field';
import { makeUser, makeUserGroup } from './make-people';
import { seedActivity } from './seed-activity';
import { CLIENT_NAMES, nth, PROJECT_NAMES, TAG_NAMES, TASK_NAMES } from './names';
import type { TWorkspace, TWorkspaceData } from './workspace-data';

/** Counts for one seeded workspace; every field is optional. */
export type TWorkspaceSeed = {
  id?: string;
  name?: string;
  users?: number;
  clients?: number;
  projects?: number;
  tasksPerProject?: number;
  tags?: number;
  timeEntries?: number;
  expenses?: number;
};

export const DEFAULT_WORKSPACE_SEED: Required<Omit<TWorkspaceSeed, 'id' | 'name'>> = {
  users: 3,
  clients: 2,
  projects: 3,
  tasksPerProject: 2,
  tags: 4,
  timeEntries: 20,
  expenses: 3,
};

export function seedWorkspace(ctx: TMakeContext, spec: TWorkspaceSeed, at: { index: number; anchorMs: number }): TWorkspaceData {
  const { index, anchorMs } = at;
  const counts = { ...DEFAULT_WORKSPACE_SEED, ...spec };
  const workspace: TWorkspace = {
    id: spec.id ?? ctx.id(),
    name: spec.name ?? `Workspace ${index + 1}`,
    ownerId: '',
    currency: { id: ctx.id(), code: 'USD' },
    hourlyRate: { amount: 5000, currency: 'USD' },
    imageUrl: '',
  };
  const users = Array.from({ length: Math.max(1, counts.users) }, (_, i) => makeUser(ctx, workspace, { index: i }));
  workspace.ownerId = (users[0] as { id: string }).id;
  const clients = Array.from({ length: counts.clients }, (_, i) => makeClient(ctx, workspace, nth(CLIENT_NAMES, i)));
  const projects = Array.from({ length: counts.projects }, (_, i) =>
    makeProject(ctx, workspace, { name: nth(PROJECT_NAMES, i), client: clients[i % Math.max(1, clients.length)] }),
  );
  const tasks = projects.flatMap((p) =>
    Array.from({ length: counts.tasksPerProject }, (_, i) =>
      makeTask(ctx, p, { name: nth(TASK_NAMES, i), assigneeIds: [ctx.rng.pick(users).id] }),
    ),
  );
  const tags = Array.from({ length: counts.tags }, (_, i) => makeTag(ctx, workspace, nth(TAG_NAMES, i)));
  const data: TWorkspaceData = {
    workspace,
    users,
    clients,
    projects,
    tasks,
    tags,
    timeEntries: [],
    deletedTimeEntries: [],
    expenses: [],
    deletedExpenses: [],
    expenseCategories: [],
    userGroups: [makeUserGroup(ctx, workspace, { name: 'Developers', members: users.slice(0, 2) })],
    customFields: [makeCustomField(ctx, workspace, { name: 'Cost center', allowedValues: ['CC-100', 'CC-200'] })],
    holidays: [],
    policies: [],
    timeOffRequests: [],
    approvalRequests: [],
    invoices: [],
    assignments: [],
    webhooks: [],
    installation: { addonId: '', addonKey: '', addonUserId: ctx.id(), token: '', status: 'ACTIVE', settings: [], webhooks: [] },
  };
  seedActivity(ctx, data, { counts: { timeEntries: counts.timeEntries, expenses: counts.expenses }, anchorMs });

  return data;
}
