import { paged, str } from './query';
import { api, type TRouteDef } from './types';

const WS = '/v1/workspaces/{workspaceId}';

export const schedulingInvoiceRoutes: TRouteDef[] = [
  api({ method: 'GET', path: `${WS}/invoices`, operationId: 'getInvoices' }, ({ ws, query }) => {
    const statuses = str(query, 'statuses')?.split(',') ?? [];
    const found = ws.invoices.filter((i) => statuses.length === 0 || statuses.includes(i.status));
    const page = paged(found, query);
    const invoices = page.body.map((i) => ({
      id: i.id,
      number: i.number,
      status: i.status,
      clientId: i.clientId,
      clientName: i.clientName,
      currency: i.currency,
      amount: i.amount,
      balance: i.amount,
      paid: 0,
      issuedDate: i.issuedDate,
      dueDate: i.dueDate,
    }));

    return { body: { invoices, total: found.length }, headers: page.headers };
  }),
  api({ method: 'GET', path: `${WS}/scheduling/assignments/all`, operationId: 'getAllAssignments' }, ({ ws, query }) => {
    const start = Date.parse(str(query, 'start') ?? '') || Number.NEGATIVE_INFINITY;
    const end = Date.parse(str(query, 'end') ?? '') || Number.POSITIVE_INFINITY;
    const found = ws.assignments.filter((a) => Date.parse(a.period.end) >= start && Date.parse(a.period.start) <= end);

    return paged(
      found.map((a) => {
        const project = ws.projects.find((p) => p.id === a.projectId);
        const user = ws.users.find((u) => u.id === a.userId);

        return {
          id: a.id,
          workspaceId: a.workspaceId,
          userId: a.userId,
          userName: user?.name ?? '',
          projectId: a.projectId,
          projectName: project?.name ?? '',
          projectColor: project?.color ?? '',
          projectArchived: project?.archived ?? false,
          projectBillable: project?.billable ?? false,
          clientId: project?.clientId ?? '',
          clientName: project?.clientName ?? '',
          taskId: a.taskId,
          taskName: '',
          billable: a.billable,
          hoursPerDay: a.hoursPerDay,
          note: a.note,
          period: a.period,
          startTime: a.startTime,
        };
      }),
      query,
    );
  }),
];
