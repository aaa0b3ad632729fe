import { column, type TFlowTemplate } from './flow-template';

/** Requests shorter than this many days are approved (edit the number in the condition). */
export const SHORT_TIME_OFF_DAYS = 3;

const DAY_MS = 86_400_000;

/**
 * TIME_OFF_REQUESTED, still pending and spanning fewer than N calendar days → approve it.
 * Clockify sends the period end as the last millisecond of the last day, hence `$ceil`.
 */
export const APPROVE_SHORT_TIME_OFF: TFlowTemplate = {
  id: 'approve-short-time-off',
  name: `Approve time off shorter than ${SHORT_TIME_OFF_DAYS} days`,
  description: `Approves pending time-off requests that last fewer than ${SHORT_TIME_OFF_DAYS} days. Edit the number in the condition.`,
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
        id: 'is_short',
        kind: 'condition',
        label: `Pending and shorter than ${SHORT_TIME_OFF_DAYS} days`,
        position: column(1),
        data: {
          expression: `payload.status.statusType = "PENDING" and $ceil(($toMillis(payload.timeOffPeriod.period.end) - $toMillis(payload.timeOffPeriod.period.start)) / ${DAY_MS}) < ${SHORT_TIME_OFF_DAYS}`,
        },
      },
      {
        id: 'approve',
        kind: 'clockify',
        label: 'Approve the request',
        position: column(2),
        data: {
          operationId: 'changeTimeOffRequestStatus',
          path: { policyId: 'payload.policyId', requestId: 'payload.id' },
          query: {},
          body: `{ "status": "APPROVED", "note": "Approved automatically: shorter than ${SHORT_TIME_OFF_DAYS} days" }`,
        },
      },
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'is_short' },
      { id: 'e2', source: 'is_short', target: 'approve' },
    ],
  },
};
