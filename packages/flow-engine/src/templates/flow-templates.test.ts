import { describe, expect, it } from 'vitest';

import { loadClockifyEventTypes, loadClockifyOperations, loadWebhookExample } from '../../test/clockify-fixtures';
import { createContext, createFakeJournal, createFakePorts, metaOf } from '../execute/__tests__/fakes';
import { executeFlow } from '../execute/execute-flow';
import { createEvaluator } from '../expressions/create-evaluator';
import { ZFlowDefinitionSchema } from '../model/flow-definition-schema';
import { validateFlow } from '../validate/validate-flow';
import { APPROVE_SHORT_TIME_OFF } from './approve-short-time-off';
import { CREATE_PROJECT_FROM_CUSTOM_WEBHOOK } from './create-project-from-custom-webhook';
import { FLOW_TEMPLATES, getFlowTemplate } from './flow-templates';
import { FORWARD_EVENTS_TO_HTTP } from './forward-events-to-http';
import { TAG_TIME_ENTRIES_WITHOUT_PROJECT } from './tag-time-entries-without-project';

const operations = loadClockifyOperations();
const eventTypes = loadClockifyEventTypes();
const evaluator = createEvaluator();

describe('flow templates against Clockify’s OpenAPI document', () => {
  it('reads the real catalogue', () => {
    expect(operations).toHaveLength(158);
    expect(eventTypes).toHaveLength(51);
  });

  it.each(FLOW_TEMPLATES.map((t) => [t.id, t] as const))('%s passes the schema and validateFlow without any issue', (_id, template) => {
    expect(ZFlowDefinitionSchema.parse(template.definition)).toEqual(template.definition);
    expect(validateFlow(template.definition, { operations, eventTypes, evaluator })).toEqual([]);
  });

  it('ids are unique and findable', () => {
    expect(new Set(FLOW_TEMPLATES.map((t) => t.id)).size).toBe(FLOW_TEMPLATES.length);
    expect(getFlowTemplate('approve-short-time-off')).toBe(APPROVE_SHORT_TIME_OFF);
    expect(getFlowTemplate('nope')).toBeUndefined();
  });

  it('the check is real: a wrong operationId or a dropped mapping is caught', () => {
    const definition = structuredClone(APPROVE_SHORT_TIME_OFF.definition);
    const approve = definition.nodes.find((n) => n.id === 'approve');
    if (approve?.kind !== 'clockify') {
      throw new Error('fixture changed');
    }
    approve.data.path = { policyId: 'payload.policyId' };
    expect(validateFlow(definition, { operations })).toMatchObject([{ code: 'MISSING_PARAMETER', field: 'data.path.requestId' }]);
    approve.data.operationId = 'approveTimeOff';
    expect(validateFlow(definition, { operations })).toMatchObject([{ code: 'UNKNOWN_OPERATION' }]);
  });
});

describe('templates run as intended', () => {
  const run = async (definition: typeof FORWARD_EVENTS_TO_HTTP.definition, payload: unknown, ports = createFakePorts()) => {
    const outcome = await executeFlow({
      definition,
      context: createContext(payload),
      journal: createFakeJournal().journal,
      ports: ports.ports,
      evaluator,
    });

    return { outcome, ...ports };
  };

  it('tag-time-entries-without-project: leaves entries with a project alone', async () => {
    const { outcome, clockify } = await run(TAG_TIME_ENTRIES_WITHOUT_PROJECT.definition, loadWebhookExample('NEW_TIME_ENTRY'));
    expect(outcome.status).toBe('filtered');
    expect(clockify).not.toHaveBeenCalled();
  });

  it.each([
    ['absent', undefined],
    ['null', null],
    ['empty', ''],
  ])('tag-time-entries-without-project: project %s, tag exists → tags the entry', async (_case, projectId) => {
    const entry = { ...loadWebhookExample('NEW_TIME_ENTRY'), projectId };
    const ports = createFakePorts({
      clockify: async (request) => ({ status: 200, headers: {}, body: request.operationId === 'getTags' ? [{ id: 'tag-np' }] : {} }),
    });
    const { outcome, clockify } = await run(TAG_TIME_ENTRIES_WITHOUT_PROJECT.definition, entry, ports);

    expect(outcome.status).toBe('succeeded');
    expect(clockify.mock.calls.map(([request]) => request.operationId)).toEqual(['getTags', 'updateTimeEntry']);
    expect(clockify.mock.calls[1]?.[0]).toEqual({
      operationId: 'updateTimeEntry',
      path: { id: '5f118c837db7a8637ffcaf36', workspaceId: 'ws-1' },
      query: {},
      body: {
        start: '2020-07-17T11:35:01Z',
        end: '2020-07-17T12:35:01Z',
        billable: true,
        description: 'Webhook Test Description',
        taskId: '5f1189847db7a8637ffcaf25',
        tagIds: ['5f118b747db7a8637ffcaf33', 'tag-np'],
      },
    });
  });

  it('tag-time-entries-without-project: creates the tag the first time', async () => {
    const entry = { ...loadWebhookExample('NEW_TIME_ENTRY'), projectId: null, tagIds: [] };
    const bodies: Record<string, unknown> = { getTags: [], createNewTag: { id: 'tag-new' }, updateTimeEntry: {} };
    const ports = createFakePorts({ clockify: async (request) => ({ status: 200, headers: {}, body: bodies[request.operationId] }) });
    const { clockify } = await run(TAG_TIME_ENTRIES_WITHOUT_PROJECT.definition, entry, ports);

    expect(clockify.mock.calls.map(([request]) => request.operationId)).toEqual(['getTags', 'createNewTag', 'updateTimeEntry']);
    expect(clockify.mock.calls[0]?.[0].query).toEqual({ name: 'No project', 'strict-name-search': 'true' });
    expect((clockify.mock.calls[2]?.[0].body as { tagIds: unknown }).tagIds).toEqual(['tag-new']);
  });

  it('forward-events-to-http: posts the event envelope', async () => {
    const { http } = await run(FORWARD_EVENTS_TO_HTTP.definition, { id: 'te-1' });
    expect(http).toHaveBeenCalledWith(
      {
        method: 'POST',
        url: 'https://example.com/clockify-events',
        headers: {
          'Content-Type': 'application/json',
          'X-Clockify-Event': 'NEW_TIME_ENTRY',
          'X-Event-Id': 'evt-1',
          'Idempotency-Key': 'evt-1:forward',
        },
        body: { id: 'evt-1', type: 'NEW_TIME_ENTRY', receivedAt: '2026-01-01T00:00:00.000Z', workspaceId: 'ws-1', data: { id: 'te-1' } },
      },
      metaOf('forward'),
    );
  });

  it('create-project-from-custom-webhook: builds the project, defaults the colour, ignores bad input', async () => {
    const created = await run(CREATE_PROJECT_FROM_CUSTOM_WEBHOOK.definition, { name: '  Website  ', color: 'red', billable: true });
    expect(created.clockify.mock.calls[0]?.[0]).toEqual({
      operationId: 'createNewProject',
      path: { workspaceId: 'ws-1' },
      query: {},
      body: { name: 'Website', color: '#03A9F4', billable: true, isPublic: false },
    });
    const withColour = await run(CREATE_PROJECT_FROM_CUSTOM_WEBHOOK.definition, { name: 'Site', color: '#FF5722', clientId: 'c1' });
    expect(withColour.clockify.mock.calls[0]?.[0].body).toMatchObject({ color: '#FF5722', clientId: 'c1' });
    const ignored = await run(CREATE_PROJECT_FROM_CUSTOM_WEBHOOK.definition, { name: 42 });
    expect(ignored.clockify).not.toHaveBeenCalled();
  });

  it('approve-short-time-off: approves a one-day request, not a three-day or already decided one', async () => {
    const request = loadWebhookExample('TIME_OFF_REQUESTED');
    const short = await run(APPROVE_SHORT_TIME_OFF.definition, request);
    expect(short.clockify.mock.calls[0]?.[0]).toEqual({
      operationId: 'changeTimeOffRequestStatus',
      path: { policyId: '6304e59201c5df1a709e145b', requestId: '630c87ffc2e8b3166121d4fa', workspaceId: 'ws-1' },
      query: {},
      body: { status: 'APPROVED', note: 'Approved automatically: shorter than 3 days' },
    });
    const long = structuredClone(request) as { timeOffPeriod: { period: { end: string } } };
    long.timeOffPeriod.period.end = '2022-08-31T21:59:59.999Z';
    expect((await run(APPROVE_SHORT_TIME_OFF.definition, long)).clockify).not.toHaveBeenCalled();
    const decided = { ...request, status: { statusType: 'APPROVED' } };
    expect((await run(APPROVE_SHORT_TIME_OFF.definition, decided)).clockify).not.toHaveBeenCalled();
  });
});
