import type { TFormValue, TPicker, TPickerResolver } from './types';

/** Field names (lower case, `-` and `_` dropped) whose values are ids of a cached entity type. */
const BY_NAME: Record<string, string> = {
  projectid: 'project',
  projectids: 'project',
  projects: 'project',
  templateprojectid: 'project',
  taskid: 'task',
  taskids: 'task',
  tagid: 'tag',
  tagids: 'tag',
  tags: 'tag',
  userid: 'user',
  userids: 'user',
  users: 'user',
  assigneeid: 'user',
  assigneeids: 'user',
  requesteruserid: 'user',
  authorids: 'user',
  clientid: 'client',
  clientids: 'client',
  clients: 'client',
  usergroupid: 'user_group',
  usergroupids: 'user_group',
  usergroups: 'user_group',
  timeentryid: 'time_entry',
  timeentryids: 'time_entry',
};

const normalise = (name: string) => name.toLowerCase().replace(/[-_]/g, '');

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);

  return word;
}

/** For a path parameter `{id}`: the entity the segment before it names (`/time-entries/{id}` → `time_entry`). */
export function entityOfIdSegment(operationPath: string, name = 'id'): string | null {
  const segments = operationPath.split('/');
  const at = segments.indexOf(`{${name}}`);
  const noun = at > 0 ? segments[at - 1] : undefined;
  if (!noun || noun.startsWith('{')) return null;

  return singular(noun).replace(/-/g, '_');
}

/** Tasks belong to a project: the sibling (or path) `projectId` narrows the task picker to it. */
function parentOf(entityType: string, siblings: TFormValue, scope: TFormValue): TPicker['parent'] {
  if (entityType !== 'task') return undefined;
  const id = siblings.projectId ?? scope.projectId;

  return typeof id === 'string' && id !== '' ? { entityType: 'project', id } : undefined;
}

/** The entity type of a field by its name (`projectId`, `tagIds`, `users`, `user-id`…), or null. */
export function entityTypeOfName(name: string): string | null {
  return BY_NAME[normalise(name)] ?? null;
}

/**
 * The default picker resolver: by field name; `id` only when `operationPath` is given (path parameters).
 * Workspace ids are never picked (the workspace is the caller's).
 */
export function defaultPickerFor(operationPath?: string): TPickerResolver {
  return ({ name, siblings, scope }) => {
    const entityType = entityTypeOfName(name) ?? (name === 'id' && operationPath ? entityOfIdSegment(operationPath) : null);
    if (!entityType) return null;
    const parent = parentOf(entityType, siblings, scope);

    return parent ? { entityType, parent } : { entityType };
  };
}
