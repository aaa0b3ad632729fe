import { column, type TFlowTemplate } from './flow-template';

/** Below this many hours last week a user is reported (edit the number in the condition). */
export const WEEKLY_HOURS_TARGET = 40;

/** Last Monday 00:00 to this Monday 00:00 (UTC), when run on a Monday. */
const RANGE_START = '$fromMillis($toMillis($substring($now(), 0, 10) & "T00:00:00Z") - 7 * 86400000)';
const RANGE_END = '$substring($now(), 0, 10) & "T00:00:00Z"';
/** One user's detailed report for the week; only its totals are read (`pageSize` 1 keeps the answer small). */
const HOURS_BODY = `{
  "dateRangeStart": steps.week.start,
  "dateRangeEnd": steps.week.end,
  "users": { "ids": [$item.id], "contains": "CONTAINS" },
  "detailedFilter": { "page": 1, "pageSize": 1 },
  "amountShown": "HIDE_AMOUNT"
}`;
/** Seconds tracked → hours; a user who tracked nothing has no totals row, so `$sum([])` gives 0. */
const HOURS = '$sum([steps.hours.body.totals.totalTime]) / 3600';

/**
 * Every Monday at 09:00: loop over the workspace's active users, read each one's total for last week
 * (a detailed report filtered to that user: Clockify's summary report cannot group by user), and post
 * each one under the target to an endpoint (edit the URL).
 */
export const WEEKLY_UNDER_40_HOURS: TFlowTemplate = {
  id: 'weekly-under-40-hours',
  name: `Every Monday, report users under ${WEEKLY_HOURS_TARGET} hours last week`,
  description: `Posts each active user who tracked less than ${WEEKLY_HOURS_TARGET} hours last week to your endpoint. Edit the URL, the time zone and the number.`,
  definition: {
    nodes: [
      { id: 'trigger', kind: 'trigger', label: 'Mondays at 09:00', position: column(0), data: { source: 'schedule', cron: '0 9 * * 1' } },
      { id: 'week', kind: 'set', label: 'Last week', position: column(1), data: { values: { start: RANGE_START, end: RANGE_END } } },
      {
        id: 'users',
        kind: 'clockify',
        label: 'Active users',
        position: column(2),
        data: {
          operationId: 'getUsersOfWorkspace',
          path: {},
          query: { status: '"ACTIVE"', 'page-size': '"1000"', 'include-roles': '"false"' },
        },
      },
      {
        id: 'each_user',
        kind: 'forEach',
        label: 'For each user',
        position: column(3),
        data: { items: 'steps.users.body', maxItems: 1000 },
      },
      {
        id: 'hours',
        kind: 'clockify',
        label: 'Hours last week',
        position: column(4, 200),
        data: { operationId: 'generateDetailedReport', path: {}, query: {}, body: HOURS_BODY },
      },
      {
        id: 'is_under',
        kind: 'condition',
        label: `Under ${WEEKLY_HOURS_TARGET} hours`,
        position: column(5, 200),
        data: { expression: `${HOURS} < ${WEEKLY_HOURS_TARGET}` },
      },
      {
        id: 'report',
        kind: 'http',
        label: 'POST the user',
        position: column(6, 200),
        data: {
          method: 'POST',
          url: '"https://example.com/under-40-hours"',
          headers: { 'Content-Type': '"application/json"' },
          body: `{ "userId": $item.id, "name": $item.name, "email": $item.email, "hours": ${HOURS}, "weekStart": steps.week.start }`,
        },
      },
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'week' },
      { id: 'e2', source: 'week', target: 'users' },
      { id: 'e3', source: 'users', target: 'each_user' },
      { id: 'e4', source: 'each_user', target: 'hours', branch: 'body' },
      { id: 'e5', source: 'hours', target: 'is_under' },
      { id: 'e6', source: 'is_under', target: 'report', branch: 'true' },
    ],
  },
};
