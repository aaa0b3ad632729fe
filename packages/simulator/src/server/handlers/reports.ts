import type { TTimeEntry } from '../../state/types';
import type { TWorkspaceData } from '../../state/workspace-data';
import { bodyOf } from './entities';
import type { TRouteDef } from './types';

const seconds = (e: TTimeEntry) => (e.timeInterval.end ? (Date.parse(e.timeInterval.end) - Date.parse(e.timeInterval.start)) / 1000 : 0);
const idsOf = (filter: unknown): string[] => {
  const ids = (filter as { ids?: unknown } | undefined)?.ids;

  return Array.isArray(ids) ? ids.map(String) : [];
};

/** TimeEntryDto of the reports API. */
function reportRow(ws: TWorkspaceData, e: TTimeEntry) {
  const project = ws.projects.find((p) => p.id === e.projectId);
  const task = ws.tasks.find((t) => t.id === e.taskId);
  const user = ws.users.find((u) => u.id === e.userId);

  return {
    _id: e.id,
    description: e.description,
    userId: e.userId,
    userName: user?.name ?? '',
    userEmail: user?.email ?? '',
    billable: e.billable,
    projectId: e.projectId ?? '',
    projectName: project?.name ?? '',
    projectColor: project?.color ?? '',
    clientId: project?.clientId ?? '',
    clientName: project?.clientName ?? '',
    taskId: e.taskId ?? '',
    taskName: task?.name ?? '',
    locked: e.isLocked,
    approvalRequestId: null,
    tags: ws.tags.filter((t) => e.tagIds.includes(t.id)).map((t) => ({ id: t.id, name: t.name })),
    timeInterval: { start: e.timeInterval.start, end: e.timeInterval.end, duration: seconds(e) },
  };
}

/** The detailed report over the stored time entries: date range, users and projects filters, page/pageSize. */
export const reportRoutes: TRouteDef[] = [
  {
    method: 'POST',
    path: '/v1/workspaces/{workspaceId}/reports/detailed',
    operationId: 'generateDetailedReport',
    host: 'reports',
    handle: ({ ws, body }) => {
      const f = bodyOf(body);
      const from = Date.parse(String(f.dateRangeStart ?? '')) || Number.NEGATIVE_INFINITY;
      const to = Date.parse(String(f.dateRangeEnd ?? '')) || Number.POSITIVE_INFINITY;
      const users = idsOf(f.users);
      const projects = idsOf(f.projects);
      const found = ws.timeEntries
        .filter((e) => {
          const start = Date.parse(e.timeInterval.start);

          return (
            start >= from &&
            start <= to &&
            (users.length === 0 || users.includes(e.userId)) &&
            (projects.length === 0 || projects.includes(e.projectId ?? ''))
          );
        })
        .sort((a, b) => b.timeInterval.start.localeCompare(a.timeInterval.start));
      const detailed = bodyOf(f.detailedFilter);
      const size = Number(detailed.pageSize) || 50;
      const page = Math.max(1, Number(detailed.page) || 1);
      const totals = {
        id: '',
        entriesCount: found.length,
        totalTime: found.reduce((s, e) => s + seconds(e), 0),
        totalBillableTime: found.filter((e) => e.billable).reduce((s, e) => s + seconds(e), 0),
        amounts: [],
      };

      return { body: { totals: [totals], timeentries: found.slice((page - 1) * size, page * size).map((e) => reportRow(ws, e)) } };
    },
  },
];
