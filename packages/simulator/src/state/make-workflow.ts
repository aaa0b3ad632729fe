import type { TMakeContext } from './make-context';
import { DAY, iso, isoDate } from './time';
import type { TApprovalRequest, TAssignment, THoliday, TPolicy, TProject, TTimeOffRequest, TUser } from './types';
import type { TWorkspace } from './workspace-data';

export function makePolicy(ctx: TMakeContext, ws: TWorkspace, spec: { name: string; users: TUser[] }): TPolicy {
  const { name, users } = spec;
  return {
    id: ctx.id(),
    name,
    workspaceId: ws.id,
    archived: false,
    timeUnit: 'DAYS',
    allowHalfDay: true,
    allowNegativeBalance: false,
    everyoneIncludingNew: true,
    userIds: users.map((u) => u.id),
    userGroupIds: [],
    approve: { requiresApproval: true, specificMembers: false, teamManagers: true, userIds: [] },
  };
}

export function makeTimeOffRequest(
  ctx: TMakeContext,
  ws: TWorkspace,
  spec: { user: TUser; policy: TPolicy; startMs: number },
): TTimeOffRequest {
  const { user, policy, startMs } = spec;
  const days = ctx.rng.int(1, 3);

  return {
    id: ctx.id(),
    userId: user.id,
    workspaceId: ws.id,
    policyId: policy.id,
    timeZone: user.settings.timeZone,
    halfDay: false,
    timeOffPeriod: { period: { start: iso(startMs), end: new Date(startMs + days * DAY - 1).toISOString() } },
    note: null,
    status: { statusType: 'PENDING', changedByUserId: null, changedByUserName: null, changedAt: null, note: null },
    balanceDiff: days,
    createdAt: new Date(ctx.now()).toISOString(),
    requesterUserId: user.id,
    excludeDays: [],
    negativeBalanceUsed: 0,
    balanceValueAtRequest: 20,
  };
}

export function makeApprovalRequest(
  ctx: TMakeContext,
  ws: TWorkspace,
  spec: { owner: TUser; approver: TUser; weekStartMs: number },
): TApprovalRequest {
  const { owner, approver, weekStartMs } = spec;
  return {
    id: ctx.id(),
    workspaceId: ws.id,
    dateRange: { start: iso(weekStartMs), end: iso(weekStartMs + 7 * DAY - 1000) },
    owner: { userId: owner.id, userName: owner.name, timezone: owner.settings.timeZone, startOfWeek: owner.settings.weekStart },
    creator: { userId: owner.id, userName: owner.name, userEmail: owner.email },
    status: { state: 'PENDING', updatedBy: approver.id, updatedByUserName: approver.name, updatedAt: iso(ctx.now()), note: '' },
  };
}

export function makeHoliday(ctx: TMakeContext, ws: TWorkspace, spec: { name: string; dayMs: number }): THoliday {
  const { name, dayMs } = spec;
  return {
    id: ctx.id(),
    name,
    workspaceId: ws.id,
    datePeriod: { startDate: isoDate(dayMs), endDate: isoDate(dayMs) },
    occursAnnually: true,
    everyoneIncludingNew: true,
    automaticTimeEntryCreation: false,
    userIds: [],
    userGroupIds: [],
  };
}

export function makeAssignment(ctx: TMakeContext, ws: TWorkspace, spec: { user: TUser; project: TProject; startMs: number }): TAssignment {
  const { user, project, startMs } = spec;
  return {
    id: ctx.id(),
    workspaceId: ws.id,
    userId: user.id,
    projectId: project.id,
    taskId: null,
    hoursPerDay: 4,
    billable: project.billable,
    note: '',
    period: { start: iso(startMs), end: iso(startMs + 5 * DAY) },
    startTime: '09:00',
    published: false,
  };
}
