/**
 * The 51 webhook event types Clockify sends (manifest schema 1.6). A manifest may declare at most 20
 * webhooks, so 20 are marked `inManifest`; the other 31 are registered through the API at install.
 * The manifest set is the 20 most used events, all of which every manifest schema since 1.0 accepts.
 */
export type TEventEntity =
  | 'project'
  | 'task'
  | 'client'
  | 'tag'
  | 'time_entry'
  | 'timer'
  | 'user'
  | 'user_group'
  | 'invoice'
  | 'approval'
  | 'time_off'
  | 'balance'
  | 'expense'
  | 'assignment'
  | 'rates';

export type TEventTypeInfo = { name: string; entity: TEventEntity; description: string; inManifest: boolean };

const m = (name: string, entity: TEventEntity, description: string) => ({ name, entity, description, inManifest: true }) as const;
const a = (name: string, entity: TEventEntity, description: string) => ({ name, entity, description, inManifest: false }) as const;

const LIST = [
  m('NEW_PROJECT', 'project', 'A project was created.'),
  a('PROJECT_UPDATED', 'project', 'A project was edited (name, client, rates, members, archive state…).'),
  a('PROJECT_DELETED', 'project', 'A project was deleted.'),
  m('NEW_TASK', 'task', 'A task was added to a project.'),
  a('TASK_UPDATED', 'task', 'A task was edited (name, assignees, estimate, status…).'),
  a('TASK_DELETED', 'task', 'A task was deleted.'),
  m('NEW_CLIENT', 'client', 'A client was created.'),
  a('CLIENT_UPDATED', 'client', 'A client was edited or archived.'),
  a('CLIENT_DELETED', 'client', 'A client was deleted.'),
  m('NEW_TAG', 'tag', 'A tag was created.'),
  a('TAG_UPDATED', 'tag', 'A tag was renamed or archived.'),
  a('TAG_DELETED', 'tag', 'A tag was deleted.'),
  m('NEW_TIME_ENTRY', 'time_entry', 'A completed time entry was added (manually or by import).'),
  m('TIME_ENTRY_UPDATED', 'time_entry', 'A time entry was edited.'),
  m('TIME_ENTRY_DELETED', 'time_entry', 'A time entry was deleted.'),
  a('TIME_ENTRY_RESTORED', 'time_entry', 'A deleted time entry was brought back.'),
  a('TIME_ENTRY_SPLIT', 'time_entry', 'A time entry was split in two.'),
  m('NEW_TIMER_STARTED', 'timer', 'Someone started a timer (a running time entry).'),
  m('TIMER_STOPPED', 'timer', 'A running timer was stopped, completing its time entry.'),
  m('USER_JOINED_WORKSPACE', 'user', 'A user accepted an invitation and joined the workspace.'),
  m('USER_DELETED_FROM_WORKSPACE', 'user', 'A user was removed from the workspace.'),
  m('USER_DEACTIVATED_ON_WORKSPACE', 'user', 'A member was deactivated.'),
  a('USER_ACTIVATED_ON_WORKSPACE', 'user', 'A deactivated member was activated again.'),
  a('USER_EMAIL_CHANGED', 'user', 'A member changed their email address.'),
  a('USER_UPDATED', 'user', 'A member profile was changed (name, settings…).'),
  a('USERS_INVITED_TO_WORKSPACE', 'user', 'One or more people were invited by email.'),
  a('LIMITED_USERS_ADDED_TO_WORKSPACE', 'user', 'Limited (non-login) members were added.'),
  a('USER_GROUP_CREATED', 'user_group', 'A user group was created.'),
  a('USER_GROUP_UPDATED', 'user_group', 'A user group was renamed or its members changed.'),
  a('USER_GROUP_DELETED', 'user_group', 'A user group was deleted.'),
  m('NEW_INVOICE', 'invoice', 'An invoice was created.'),
  m('INVOICE_UPDATED', 'invoice', 'An invoice was edited or changed status (sent, paid, void…).'),
  m('NEW_APPROVAL_REQUEST', 'approval', 'A timesheet or expense period was submitted for approval.'),
  m('APPROVAL_REQUEST_STATUS_UPDATED', 'approval', 'An approval request was approved, rejected or withdrawn.'),
  m('TIME_OFF_REQUESTED', 'time_off', 'A member requested time off.'),
  a('TIME_OFF_REQUEST_UPDATED', 'time_off', 'A time-off request was edited.'),
  m('TIME_OFF_REQUEST_APPROVED', 'time_off', 'A time-off request was approved.'),
  m('TIME_OFF_REQUEST_REJECTED', 'time_off', 'A time-off request was rejected.'),
  a('TIME_OFF_REQUEST_STARTED', 'time_off', 'An approved time off began.'),
  m('TIME_OFF_REQUEST_WITHDRAWN', 'time_off', 'The requester withdrew a time-off request.'),
  a('BALANCE_UPDATED', 'balance', 'A time-off balance was adjusted.'),
  a('EXPENSE_CREATED', 'expense', 'An expense was recorded.'),
  a('EXPENSE_UPDATED', 'expense', 'An expense was edited.'),
  a('EXPENSE_DELETED', 'expense', 'An expense was deleted.'),
  a('EXPENSE_RESTORED', 'expense', 'A deleted expense was brought back.'),
  a('ASSIGNMENT_CREATED', 'assignment', 'A scheduling assignment was created.'),
  a('ASSIGNMENT_UPDATED', 'assignment', 'A scheduling assignment was edited.'),
  a('ASSIGNMENT_DELETED', 'assignment', 'A scheduling assignment was deleted.'),
  a('ASSIGNMENT_PUBLISHED', 'assignment', 'Scheduling assignments were published to the team.'),
  a('COST_RATE_UPDATED', 'rates', 'A cost rate changed (workspace, member or project level).'),
  a('BILLABLE_RATE_UPDATED', 'rates', 'A billable rate changed (workspace, member or project level).'),
] as const;

export type TEventTypeName = (typeof LIST)[number]['name'];

export const EVENT_TYPES: readonly TEventTypeInfo[] = Object.freeze(LIST.map((e) => Object.freeze({ ...e })));
export const MANIFEST_EVENT_TYPES: readonly TEventTypeInfo[] = Object.freeze(EVENT_TYPES.filter((e) => e.inManifest));
export const API_EVENT_TYPES: readonly TEventTypeInfo[] = Object.freeze(EVENT_TYPES.filter((e) => !e.inManifest));

const BY_NAME = new Map<string, TEventTypeInfo>(EVENT_TYPES.map((e) => [e.name, e]));

export function isEventType(name: unknown): name is TEventTypeName {
  return typeof name === 'string' && BY_NAME.has(name);
}

export function eventTypeInfo(name: string): TEventTypeInfo | undefined {
  return BY_NAME.get(name);
}

export function entityOfEvent(name: string): TEventEntity | undefined {
  return BY_NAME.get(name)?.entity;
}
