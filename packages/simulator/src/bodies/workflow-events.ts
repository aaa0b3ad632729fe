import { makeClient } from '../state/make-catalog';
import { makeInvoice } from '../state/make-invoice';
import { makeApprovalRequest, makeAssignment } from '../state/make-workflow';
import { DAY, iso } from '../state/time';
import type { TApprovalRequest, TAssignment, TInvoice } from '../state/types';
import { ownerOf } from '../state/workspace-data';
import { newestOrCreate } from './pick';
import type { TBodyBuilder, TBodyContext } from './types';

function newApproval(c: TBodyContext): TApprovalRequest {
  const weekStart = Math.floor(c.ctx.now() / (7 * DAY)) * 7 * DAY - 3 * DAY;
  const request = makeApprovalRequest(c.ctx, c.ws.workspace, {
    owner: c.ctx.rng.pick(c.ws.users),
    approver: ownerOf(c.ws),
    weekStartMs: weekStart,
  });
  c.ws.approvalRequests.push(request);

  return request;
}

/** Approval webhook bodies leave out the creator. */
const approvalView = ({ id, workspaceId, dateRange, owner, status }: TApprovalRequest) => ({ id, workspaceId, dateRange, owner, status });

function newAssignment(c: TBodyContext): TAssignment {
  const project = c.ws.projects[0];
  if (!project) {
    throw new Error('the workspace has no project to schedule');
  }
  const assignment = makeAssignment(c.ctx, c.ws.workspace, { user: c.ctx.rng.pick(c.ws.users), project, startMs: c.ctx.now() });
  c.ws.assignments.push(assignment);

  return assignment;
}

const assignmentView = (a: TAssignment) => ({ workspaceId: a.workspaceId, userId: a.userId, projectId: a.projectId, assignmentId: a.id });

function newInvoice(c: TBodyContext): TInvoice {
  const client = newestOrCreate(c.ws.clients, () => makeClient(c.ctx, c.ws.workspace, 'Acme Corp'));
  const input = { client, user: ownerOf(c.ws), number: c.ws.invoices.length + 1, entries: c.ws.timeEntries.slice(0, 2) };
  const invoice = makeInvoice(c.ctx, c.ws.workspace, input);
  c.ws.invoices.push(invoice);

  return invoice;
}

const invoiceView = ({ workspaceId: _ws, ...rest }: TInvoice) => rest;

function rateChanged(c: TBodyContext, kind: 'hourlyRate' | 'costRate') {
  const project = c.ws.projects[0];
  const user = c.ctx.rng.pick(c.ws.users);
  const amount = c.ctx.rng.pick([5000, 7500, 10000]);
  const rates = { hourlyRate: { amount: kind === 'hourlyRate' ? amount : 0 }, costRate: { amount: kind === 'costRate' ? amount : 0 } };

  return {
    workspaceId: c.ws.workspace.id,
    rateChangeSource: project ? 'PROJECT_MEMBER' : 'WORKSPACE_MEMBER',
    modifiedEntity: {
      userId: user.id,
      ...rates,
      targetId: project?.id ?? c.ws.workspace.id,
      membershipType: project ? 'PROJECT' : 'WORKSPACE',
      membershipStatus: 'ACTIVE',
    },
    currency: { ...c.ws.workspace.currency },
    amount,
    since: iso(Math.floor(c.ctx.now() / DAY) * DAY),
  };
}

export const WORKFLOW_BODIES: Record<string, TBodyBuilder> = {
  NEW_APPROVAL_REQUEST: (c) => approvalView(newApproval(c)),
  APPROVAL_REQUEST_STATUS_UPDATED: (c) => {
    const request = c.ws.approvalRequests.find((r) => r.status.state === 'PENDING') ?? newApproval(c);
    const by = ownerOf(c.ws);
    request.status = { state: 'APPROVED', updatedBy: by.id, updatedByUserName: by.name, updatedAt: iso(c.ctx.now()), note: '' };

    return approvalView(request);
  },
  ASSIGNMENT_CREATED: (c) => assignmentView(newAssignment(c)),
  ASSIGNMENT_UPDATED: (c) => {
    const a = newestOrCreate(c.ws.assignments, () => newAssignment(c));
    a.hoursPerDay = a.hoursPerDay >= 8 ? 2 : a.hoursPerDay + 1;

    return assignmentView(a);
  },
  ASSIGNMENT_PUBLISHED: (c) => {
    const a = newestOrCreate(c.ws.assignments, () => newAssignment(c));
    a.published = true;

    return assignmentView(a);
  },
  ASSIGNMENT_DELETED: (c) => {
    const a = newestOrCreate(c.ws.assignments, () => newAssignment(c));
    c.ws.assignments = c.ws.assignments.filter((x) => x.id !== a.id);

    return assignmentView(a);
  },
  NEW_INVOICE: (c) => invoiceView(newInvoice(c)),
  INVOICE_UPDATED: (c) => {
    const invoice = newestOrCreate(c.ws.invoices, () => newInvoice(c));
    invoice.status = invoice.status === 'UNSENT' ? 'SENT' : 'UNSENT';

    return invoiceView(invoice);
  },
  COST_RATE_UPDATED: (c) => rateChanged(c, 'costRate'),
  BILLABLE_RATE_UPDATED: (c) => rateChanged(c, 'hourlyRate'),
};
