import type { TApprovalRequest } from '../../state/types';
import type { TWorkspaceData } from '../../state/workspace-data';
import { isoDuration } from '../../state/time';
import { paged, str } from './query';
import { api, type TRouteDef } from './types';

/** ApprovalDetailsDtoV1: the request plus the time it covers. */
function details(ws: TWorkspaceData, request: TApprovalRequest) {
  const from = Date.parse(request.dateRange.start);
  const to = Date.parse(request.dateRange.end);
  const entries = ws.timeEntries.filter((e) => {
    const start = Date.parse(e.timeInterval.start);

    return e.userId === request.owner.userId && start >= from && start <= to && e.timeInterval.end;
  });
  const seconds = entries.reduce((sum, e) => sum + (Date.parse(e.timeInterval.end ?? '') - Date.parse(e.timeInterval.start)) / 1000, 0);
  const billable = entries
    .filter((e) => e.billable)
    .reduce((sum, e) => sum + (Date.parse(e.timeInterval.end ?? '') - Date.parse(e.timeInterval.start)) / 1000, 0);

  return {
    approvalRequest: request,
    trackedTime: isoDuration(seconds),
    billableTime: isoDuration(billable),
    approvedTime: request.status.state === 'APPROVED' ? isoDuration(seconds) : 'PT0S',
    pendingTime: request.status.state === 'PENDING' ? isoDuration(seconds) : 'PT0S',
    breakTime: 'PT0S',
    billableAmount: 0,
    costAmount: 0,
    expenseTotal: 0,
    entries: [],
    expenses: [],
  };
}

export const approvalRoutes: TRouteDef[] = [
  api({ method: 'GET', path: '/v1/workspaces/{workspaceId}/approval-requests', operationId: 'getApprovalRequests' }, ({ ws, query }) => {
    const status = str(query, 'status');
    const found = ws.approvalRequests.filter((r) => !status || r.status.state === status);

    return paged(
      found.map((r) => details(ws, r)),
      query,
    );
  }),
];
