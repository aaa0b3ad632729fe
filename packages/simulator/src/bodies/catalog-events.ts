import { makeClient, makeProject, makeTag, makeTask } from '../state/make-catalog';
import { CLIENT_NAMES, nth, PROJECT_NAMES, TAG_NAMES, TASK_NAMES } from '../state/names';
import type { TClient, TProject, TTag, TTask } from '../state/types';
import { newestOrCreate, removeNewest } from './pick';
import type { TBodyBuilder, TBodyContext } from './types';
import { namedView, projectView, taskView } from './views';

const newClient = ({ ctx, ws }: TBodyContext): TClient => makeClient(ctx, ws.workspace, nth(CLIENT_NAMES, ws.clients.length));
const newTag = ({ ctx, ws }: TBodyContext): TTag => makeTag(ctx, ws.workspace, nth(TAG_NAMES, ws.tags.length));

function newProject(c: TBodyContext): TProject {
  const client = newestOrCreate(c.ws.clients, () => newClient(c));
  const project = makeProject(c.ctx, c.ws.workspace, { name: nth(PROJECT_NAMES, c.ws.projects.length), client });
  c.ws.tasks.push(makeTask(c.ctx, project, { name: 'First task', assigneeIds: [] }));

  return project;
}

function newTask(c: TBodyContext): TTask {
  const project = newestOrCreate(c.ws.projects, () => newProject(c));
  const count = c.ws.tasks.filter((t) => t.projectId === project.id).length;

  return makeTask(c.ctx, project, { name: nth(TASK_NAMES, count), assigneeIds: [c.ctx.rng.pick(c.ws.users).id] });
}

function deleteProject(c: TBodyContext) {
  const project = removeNewest(c.ws.projects, () => newProject(c));
  const body = projectView(c.ws, project);
  c.ws.tasks = c.ws.tasks.filter((t) => t.projectId !== project.id);

  return body;
}

function created<T>(list: T[], item: T): T {
  list.push(item);

  return item;
}

export const CATALOG_BODIES: Record<string, TBodyBuilder> = {
  NEW_PROJECT: (c) => projectView(c.ws, created(c.ws.projects, newProject(c))),
  PROJECT_UPDATED: (c) => {
    const project = newestOrCreate(c.ws.projects, () => newProject(c));
    project.note = `Updated at ${new Date(c.ctx.now()).toISOString()}`;

    return projectView(c.ws, project);
  },
  PROJECT_DELETED: deleteProject,
  NEW_TASK: (c) => taskView(created(c.ws.tasks, newTask(c))),
  TASK_UPDATED: (c) => {
    const task = newestOrCreate(c.ws.tasks, () => newTask(c));
    task.status = task.status === 'ACTIVE' ? 'DONE' : 'ACTIVE';

    return taskView(task);
  },
  TASK_DELETED: (c) => taskView(removeNewest(c.ws.tasks, () => newTask(c))),
  NEW_CLIENT: (c) => namedView(created(c.ws.clients, newClient(c))),
  CLIENT_UPDATED: (c) => {
    const client = newestOrCreate(c.ws.clients, () => newClient(c));
    client.note = `Updated at ${new Date(c.ctx.now()).toISOString()}`;

    return namedView(client);
  },
  CLIENT_DELETED: (c) => namedView(removeNewest(c.ws.clients, () => newClient(c))),
  NEW_TAG: (c) => namedView(created(c.ws.tags, newTag(c))),
  TAG_UPDATED: (c) => {
    const tag = newestOrCreate(c.ws.tags, () => newTag(c));
    tag.name = tag.name.endsWith(' (renamed)') ? tag.name.replace(' (renamed)', '') : `${tag.name} (renamed)`;

    return namedView(tag);
  },
  TAG_DELETED: (c) => namedView(removeNewest(c.ws.tags, () => newTag(c))),
};
