import type { TEventTypeName } from './events';

export type TCachedEntityType =
  | 'project'
  | 'task'
  | 'client'
  | 'tag'
  | 'user'
  | 'user_group'
  | 'time_entry'
  | 'expense'
  | 'invoice'
  | 'approval_request'
  | 'time_off_request'
  | 'assignment';

/**
 * What a webhook means for an entity cache: which entity it touches, whether to upsert or delete it, and
 * the body field that carries the entity's id (most bodies are the entity itself, so `id`).
 */
export type TCacheEffect = { entityType: TCachedEntityType; action: 'upsert' | 'delete'; idField: string };

const up = (entityType: TCachedEntityType, idField = 'id'): TCacheEffect => ({ entityType, action: 'upsert', idField });
const del = (entityType: TCachedEntityType, idField = 'id'): TCacheEffect => ({ entityType, action: 'delete', idField });

/** `null` = the event names no single cached entity (invitations by email, balances, rate changes). */
const EFFECTS: Record<TEventTypeName, TCacheEffect | null> = {
  NEW_PROJECT: up('project'),
  PROJECT_UPDATED: up('project'),
  PROJECT_DELETED: del('project'),
  NEW_TASK: up('task'),
  TASK_UPDATED: up('task'),
  TASK_DELETED: del('task'),
  NEW_CLIENT: up('client'),
  CLIENT_UPDATED: up('client'),
  CLIENT_DELETED: del('client'),
  NEW_TAG: up('tag'),
  TAG_UPDATED: up('tag'),
  TAG_DELETED: del('tag'),
  NEW_TIME_ENTRY: up('time_entry'),
  TIME_ENTRY_UPDATED: up('time_entry'),
  TIME_ENTRY_DELETED: del('time_entry'),
  TIME_ENTRY_RESTORED: up('time_entry'),
  TIME_ENTRY_SPLIT: up('time_entry'),
  NEW_TIMER_STARTED: up('time_entry'),
  TIMER_STOPPED: up('time_entry'),
  USER_JOINED_WORKSPACE: up('user'),
  USER_DELETED_FROM_WORKSPACE: del('user'),
  USER_DEACTIVATED_ON_WORKSPACE: up('user'),
  USER_ACTIVATED_ON_WORKSPACE: up('user'),
  USER_EMAIL_CHANGED: up('user'),
  USER_UPDATED: up('user'),
  USERS_INVITED_TO_WORKSPACE: null,
  LIMITED_USERS_ADDED_TO_WORKSPACE: null,
  USER_GROUP_CREATED: up('user_group'),
  USER_GROUP_UPDATED: up('user_group'),
  USER_GROUP_DELETED: del('user_group'),
  NEW_INVOICE: up('invoice'),
  INVOICE_UPDATED: up('invoice'),
  NEW_APPROVAL_REQUEST: up('approval_request'),
  APPROVAL_REQUEST_STATUS_UPDATED: up('approval_request'),
  TIME_OFF_REQUESTED: up('time_off_request'),
  TIME_OFF_REQUEST_UPDATED: up('time_off_request'),
  TIME_OFF_REQUEST_APPROVED: up('time_off_request'),
  TIME_OFF_REQUEST_REJECTED: up('time_off_request'),
  TIME_OFF_REQUEST_STARTED: up('time_off_request'),
  TIME_OFF_REQUEST_WITHDRAWN: up('time_off_request'),
  BALANCE_UPDATED: null,
  EXPENSE_CREATED: up('expense'),
  EXPENSE_UPDATED: up('expense', 'expenseId'),
  EXPENSE_DELETED: del('expense', 'expenseId'),
  EXPENSE_RESTORED: up('expense'),
  ASSIGNMENT_CREATED: up('assignment', 'assignmentId'),
  ASSIGNMENT_UPDATED: up('assignment', 'assignmentId'),
  ASSIGNMENT_DELETED: del('assignment', 'assignmentId'),
  ASSIGNMENT_PUBLISHED: up('assignment', 'assignmentId'),
  COST_RATE_UPDATED: null,
  BILLABLE_RATE_UPDATED: null,
};

/** The cache effect of an event; `null` for unknown names and for events that name no single entity. */
export function cacheEffectOfEvent(name: string): TCacheEffect | null {
  return Object.hasOwn(EFFECTS, name) ? EFFECTS[name as TEventTypeName] : null;
}

/** The id of the entity a webhook body describes, per `cacheEffectOfEvent`; `null` when absent. */
export function entityIdOfEvent(name: string, body: unknown): string | null {
  const effect = cacheEffectOfEvent(name);
  const value = effect && body && typeof body === 'object' ? (body as Record<string, unknown>)[effect.idField] : undefined;

  return typeof value === 'string' && value !== '' ? value : null;
}
