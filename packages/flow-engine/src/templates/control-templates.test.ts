import { describe, expect, it } from 'vitest';

import { loadWebhookExample } from '../../test/clockify-fixtures';
import { createContext, createFakeJournal, createFakePorts } from '../execute/__tests__/fakes';
import { executeFlow } from '../execute/execute-flow';
import { createEvaluator } from '../expressions/create-evaluator';
import type { TFlowDefinition } from '../model/flow-definition-schema';
import { NOTIFY_EXECUTION_FAILED } from './notify-execution-failed';
import { ROUTE_TIME_OFF_REQUESTS } from './route-time-off-requests';
import { TAG_TIME_ENTRIES_WITHOUT_PROJECT } from './tag-time-entries-without-project';
import { WEEKLY_UNDER_40_HOURS } from './weekly-under-40-hours';

const evaluator = createEvaluator();

async function run(definition: TFlowDefinition, payload: unknown, ports = createFakePorts()) {
  const outcome = await executeFlow({
    definition,
    context: createContext(payload),
    journal: createFakeJournal().journal,
    ports: ports.ports,
    evaluator,
    executionId: 'exe-9',
  });

  return { outcome, ...ports };
}

describe('tag-time-entries-without-project: the fan-in', () => {
  it.each([
    ['the tag exists', [{ id: 'tag-np' }], ['getTags', 'updateTimeEntry']],
    ['the tag is missing', [], ['getTags', 'createNewTag', 'updateTimeEntry']],
  ])('%s → tag_entry runs exactly once', async (_case, tags, operations) => {
    const entry = { ...loadWebhookExample('NEW_TIME_ENTRY'), projectId: null, tagIds: [] };
    const bodies: Record<string, unknown> = { getTags: tags, createNewTag: { id: 'tag-new' }, updateTimeEntry: {} };
    const ports = createFakePorts({ clockify: async (request) => ({ status: 200, headers: {}, body: bodies[request.operationId] }) });
    const { outcome, clockify } = await run(TAG_TIME_ENTRIES_WITHOUT_PROJECT.definition, entry, ports);

    expect(clockify.mock.calls.map(([request]) => request.operationId)).toEqual(operations);
    expect(outcome.trace.filter((t) => t.nodeId === 'tag_entry').map((t) => t.state)).toEqual(['succeeded']);
  });
});

describe('weekly-under-40-hours', () => {
  it("reads each user's week from a detailed report and posts only those under 40 hours, each with its own idempotency key", async () => {
    const users = [
      { id: 'u1', name: 'Ann', email: 'ann@example.com' },
      { id: 'u2', name: 'Bob', email: 'bob@example.com' },
      { id: 'u3', name: 'Cy', email: 'cy@example.com' },
    ];
    const tracked: Record<string, number> = { u1: 30 * 3600, u2: 41 * 3600 };
    const ports = createFakePorts({
      clockify: async (request) => {
        if (request.operationId === 'getUsersOfWorkspace') return { status: 200, headers: {}, body: users };
        const userId = (request.body as { users: { ids: string[] } }).users.ids[0]!;
        const totals = tracked[userId] === undefined ? [] : [{ totalTime: tracked[userId] }];

        return { status: 200, headers: {}, body: { totals, timeentries: [] } };
      },
    });
    const { outcome, clockify, http } = await run(WEEKLY_UNDER_40_HOURS.definition, null, ports);

    expect(outcome.status).toBe('succeeded');
    const reports = clockify.mock.calls.map(([request]) => request).filter((r) => r.operationId === 'generateDetailedReport');
    expect(reports.map((r) => (r.body as { users: { ids: string[] } }).users.ids)).toEqual([['u1'], ['u2'], ['u3']]);
    const week = reports[0]?.body as { dateRangeStart: string; dateRangeEnd: string };
    expect(Date.parse(week.dateRangeEnd) - Date.parse(week.dateRangeStart)).toBe(7 * 86_400_000);
    expect(week.dateRangeEnd).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    expect(http.mock.calls.map(([request]) => [request.body, request.headers['Idempotency-Key']])).toEqual([
      [{ userId: 'u1', name: 'Ann', email: 'ann@example.com', hours: 30, weekStart: week.dateRangeStart }, 'exe-9:report#0'],
      [{ userId: 'u3', name: 'Cy', email: 'cy@example.com', hours: 0, weekStart: week.dateRangeStart }, 'exe-9:report#2'],
    ]);
  });
});

describe('notify-execution-failed', () => {
  it('posts the failure it was given', async () => {
    const failure = { flowId: 'f1', executionId: 'x1', error: { code: 'UPSTREAM_STATUS', message: 'HTTP 404' } };
    const { http } = await run(NOTIFY_EXECUTION_FAILED.definition, failure);
    expect(http.mock.calls[0]?.[0]).toMatchObject({ url: 'https://example.com/flow-failures', body: { workspaceId: 'ws-1', failure } });
  });
});

describe('route-time-off-requests', () => {
  const request = loadWebhookExample('TIME_OFF_REQUESTED') as { timeOffPeriod: { period: { end: string } } } & Record<string, unknown>;
  const withEnd = (end: string) => {
    const copy = structuredClone(request);
    copy.timeOffPeriod.period.end = end;

    return copy;
  };

  it('approves a short pending request', async () => {
    const { clockify, http, outcome } = await run(ROUTE_TIME_OFF_REQUESTS.definition, request);
    expect(clockify.mock.calls.map(([r]) => (r.body as { status: string }).status)).toEqual(['APPROVED']);
    expect(http).not.toHaveBeenCalled();
    expect(outcome.trace.find((t) => t.nodeId === 'route')).toMatchObject({ state: 'switched', branch: 'approve' });
  });

  it('rejects a request over 20 days and tags the rest for review', async () => {
    const long = await run(ROUTE_TIME_OFF_REQUESTS.definition, withEnd('2022-09-30T21:59:59.999Z'));
    expect(long.clockify.mock.calls.map(([r]) => (r.body as { status: string }).status)).toEqual(['REJECTED']);
    const middling = await run(ROUTE_TIME_OFF_REQUESTS.definition, withEnd('2022-09-05T21:59:59.999Z'));
    expect(middling.clockify).not.toHaveBeenCalled();
    expect(middling.http.mock.calls[0]?.[0].body).toMatchObject({ tag: 'needs-review', status: 'PENDING' });
  });
});
