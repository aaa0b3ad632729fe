import type { TClient, TProject, TTag, TTask, TTimeEntry, TUser } from '../state/types';
import type { TWorkspaceData } from '../state/workspace-data';

/** Projections of stored entities into the shapes Clockify puts in webhook bodies (see examples/webhooks). */
export const namedView = (e: TClient | TTag) => ({ id: e.id, name: e.name, workspaceId: e.workspaceId, archived: e.archived });

export const taskView = (t: TTask) => ({
  id: t.id,
  name: t.name,
  projectId: t.projectId,
  assigneeIds: t.assigneeIds,
  assigneeId: t.assigneeId,
  userGroupIds: t.userGroupIds,
  estimate: t.estimate,
  status: t.status,
  duration: t.duration,
});

const nestedTask = (t: TTask) => ({ ...taskView(t), workspaceId: t.workspaceId });

const projectCore = (p: TProject) => ({
  name: p.name,
  clientId: p.clientId,
  clientName: p.clientName,
  workspaceId: p.workspaceId,
  billable: p.billable,
  estimate: p.estimate,
  color: p.color,
  archived: p.archived,
  duration: p.duration,
  note: p.note,
  id: p.id,
  public: p.public,
  template: p.template,
});

export function projectView(ws: TWorkspaceData, p: TProject) {
  const client = ws.clients.find((c) => c.id === p.clientId);

  return {
    id: p.id,
    name: p.name,
    hourlyRate: { amount: p.hourlyRate.amount },
    clientId: p.clientId,
    workspaceId: p.workspaceId,
    billable: p.billable,
    color: p.color,
    estimate: p.estimate,
    archived: p.archived,
    duration: p.duration,
    clientName: p.clientName,
    note: p.note,
    public: p.public,
    template: p.template,
    tasks: ws.tasks.filter((t) => t.projectId === p.id).map(nestedTask),
    client: client ? { name: client.name, workspaceId: client.workspaceId, archived: client.archived, id: client.id } : null,
  };
}

export function timeEntryView(ws: TWorkspaceData, e: TTimeEntry) {
  const project = ws.projects.find((p) => p.id === e.projectId);
  const task = ws.tasks.find((t) => t.id === e.taskId);
  const user = ws.users.find((u) => u.id === e.userId);

  return {
    id: e.id,
    description: e.description,
    tagIds: e.tagIds,
    userId: e.userId,
    billable: e.billable,
    taskId: e.taskId,
    projectId: e.projectId,
    timeInterval: e.timeInterval,
    workspaceId: e.workspaceId,
    isLocked: e.isLocked,
    hourlyRate: e.hourlyRate,
    costRate: e.costRate,
    customFieldValues: e.customFieldValues.map(({ customFieldId, timeEntryId, value, name }) => ({
      customFieldId,
      timeEntryId,
      value,
      name,
    })),
    project: project ? projectCore(project) : null,
    task: task ? nestedTask(task) : null,
    user: user ? { name: user.name, id: user.id, status: user.status } : null,
    tags: ws.tags
      .filter((t) => e.tagIds.includes(t.id))
      .map((t) => ({ name: t.name, workspaceId: t.workspaceId, archived: t.archived, id: t.id })),
  };
}

export const userBrief = (u: TUser) => ({ id: u.id, email: u.email, name: u.name });
export const userFull = (u: TUser) => ({ ...userBrief(u), profilePicture: u.profilePicture, settings: u.settings });
