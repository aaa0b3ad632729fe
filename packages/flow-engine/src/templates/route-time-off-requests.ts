import { column, type TFlowTemplate } from './flow-template';

const DAY_MS = 86_400_000;
const DAYS = `$ceil(($toMillis(payload.timeOffPeriod.period.end) - $toMillis(payload.timeOffPeriod.period.start)) / ${DAY_MS})`;
const statusBody = (status: string, note: string) => `{ "status": "${status}", "note": "${note}" }`;

/**
 * TIME_OFF_REQUESTED → a switch on the request: pending and under 3 days → approve; pending and over
 * 20 days → reject; anything else → tag it for a person (post it to an endpoint with a tag).
 */
export const ROUTE_TIME_OFF_REQUESTS: TFlowTemplate = {
  id: 'route-time-off-requests',
  name: 'Approve, reject or tag time-off requests',
  description:
    'Approves pending requests under 3 days, rejects those over 20 days, and posts the rest to your endpoint tagged for review. Edit the numbers and the URL.',
  definition: {
    nodes: [
      {
        id: 'trigger',
        kind: 'trigger',
        label: 'Time off requested',
        position: column(0),
        data: { source: 'clockify', events: ['TIME_OFF_REQUESTED'] },
      },
      {
        id: 'route',
        kind: 'switch',
        label: 'By status and length',
        position: column(1),
        data: {
          cases: [
            { id: 'approve', label: 'Pending, under 3 days', expression: `payload.status.statusType = "PENDING" and ${DAYS} < 3` },
            { id: 'reject', label: 'Pending, over 20 days', expression: `payload.status.statusType = "PENDING" and ${DAYS} > 20` },
          ],
        },
      },
      {
        id: 'approve',
        kind: 'clockify',
        label: 'Approve',
        position: column(2, -250),
        data: {
          operationId: 'changeTimeOffRequestStatus',
          path: { policyId: 'payload.policyId', requestId: 'payload.id' },
          query: {},
          body: statusBody('APPROVED', 'Approved automatically: under 3 days'),
        },
      },
      {
        id: 'reject',
        kind: 'clockify',
        label: 'Reject',
        position: column(2),
        data: {
          operationId: 'changeTimeOffRequestStatus',
          path: { policyId: 'payload.policyId', requestId: 'payload.id' },
          query: {},
          body: statusBody('REJECTED', 'Requests over 20 days need a conversation first'),
        },
      },
      {
        id: 'tag',
        kind: 'http',
        label: 'Tag for review',
        position: column(2, 250),
        data: {
          method: 'POST',
          url: '"https://example.com/time-off-review"',
          headers: { 'Content-Type': '"application/json"' },
          body: `{ "tag": "needs-review", "requestId": payload.id, "userId": payload.userId, "days": ${DAYS}, "status": payload.status.statusType }`,
        },
      },
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'route' },
      { id: 'e2', source: 'route', target: 'approve', branch: 'approve' },
      { id: 'e3', source: 'route', target: 'reject', branch: 'reject' },
      { id: 'e4', source: 'route', target: 'tag', branch: 'default' },
    ],
  },
};
