import type { TTimeOffRequest } from '../../state/types';
import type { TWorkspaceData } from '../../state/workspace-data';
import { iso } from '../../state/time';
import { ownerOf } from '../../state/workspace-data';
import { badRequest } from '../http-error';
import { bodyOf, findOr404 } from './entities';
import { paged } from './query';
import { api, type TRouteDef } from './types';

const WS = '/v1/workspaces/{workspaceId}';

/** TimeOffRequestFullV1Dto */
function full(ws: TWorkspaceData, r: TTimeOffRequest) {
  const user = ws.users.find((u) => u.id === r.userId);
  const requester = ws.users.find((u) => u.id === r.requesterUserId);
  const policy = ws.policies.find((p) => p.id === r.policyId);

  return {
    id: r.id,
    workspaceId: r.workspaceId,
    policyId: r.policyId,
    policyName: policy?.name ?? '',
    userId: r.userId,
    userName: user?.name ?? '',
    userEmail: user?.email ?? '',
    userTimeZone: r.timeZone,
    requesterUserId: r.requesterUserId,
    requesterUserName: requester?.name ?? '',
    timeOffPeriod: { period: r.timeOffPeriod.period, halfDay: r.halfDay },
    note: r.note,
    status: r.status,
    balanceDiff: r.balanceDiff,
    balance: r.balanceValueAtRequest - r.balanceDiff,
    createdAt: r.createdAt,
    timeUnit: policy?.timeUnit ?? 'DAYS',
  };
}

function inFilter(r: TTimeOffRequest, f: Record<string, unknown>): boolean {
  const statuses = Array.isArray(f.statuses) ? (f.statuses as string[]) : [];
  const users = Array.isArray(f.users) ? (f.users as string[]) : [];
  const start = typeof f.start === 'string' ? Date.parse(f.start) : Number.NEGATIVE_INFINITY;
  const end = typeof f.end === 'string' ? Date.parse(f.end) : Number.POSITIVE_INFINITY;
  const from = Date.parse(r.timeOffPeriod.period.start);

  return (
    (statuses.length === 0 || statuses.includes('ALL') || statuses.includes(r.status.statusType)) &&
    (users.length === 0 || users.includes(r.userId)) &&
    from <= end &&
    Date.parse(r.timeOffPeriod.period.end) >= start
  );
}

export const timeOffRoutes: TRouteDef[] = [
  api({ method: 'POST', path: `${WS}/time-off/requests`, operationId: 'getTimeOffRequest' }, ({ ws, body }) => {
    const filter = bodyOf(body);
    const found = ws.timeOffRequests.filter((r) => inFilter(r, filter));
    const page = paged(found, {
      page: filter.page === undefined ? undefined : String(filter.page),
      'page-size': filter.pageSize === undefined ? undefined : String(filter.pageSize),
    });

    return { body: { count: found.length, requests: page.body.map((r) => full(ws, r)) }, headers: page.headers };
  }),
  api(
    { method: 'PATCH', path: `${WS}/time-off/policies/{policyId}/requests/{requestId}`, operationId: 'changeTimeOffRequestStatus' },
    ({ ws, params, body }) => {
      const request = findOr404(
        ws.timeOffRequests.filter((r) => r.policyId === params.policyId),
        params.requestId,
        'Time off request',
      );
      const patch = bodyOf(body);
      if (request.status.statusType !== 'PENDING') {
        throw badRequest(`Time off request is already ${request.status.statusType.toLowerCase()}`);
      }
      const by = ownerOf(ws);
      const statusType = patch.status === 'REJECTED' ? 'REJECTED' : 'APPROVED';
      request.status = {
        statusType,
        changedByUserId: by.id,
        changedByUserName: by.name,
        changedAt: iso(Date.now()),
        note: typeof patch.note === 'string' ? patch.note : null,
      };
      const { id, workspaceId, policyId, userId, timeOffPeriod, note, status, balanceDiff, createdAt } = request;

      return { body: { id, workspaceId, policyId, userId, timeOffPeriod, note, status, balanceDiff, createdAt } };
    },
  ),
  api({ method: 'GET', path: `${WS}/time-off/policies`, operationId: 'findPoliciesForWorkspace' }, ({ ws, query }) =>
    paged(ws.policies, query),
  ),
];
