/**
 * Issue 15 end to end through a server on each dialect: every node kind and branch type (condition false,
 * switch, forEach over payload items calling the simulator, set, a 1 s wait parked as `waiting`), the
 * fan-in rule, manual runs, budgets, and EXECUTION_FAILED reaching a loopback receiver without looping.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { TAG_TIME_ENTRIES_WITHOUT_PROJECT } from '@uw/flow-engine';
import { testDialects } from '@uw/db/testing';

import { createAndRun, edge, finished, node, post, startFlowScenario, type TReceiverScenario } from './flow-support';
import { REQUIRE_PG, simData, TEST_PG_ADMIN_URL, waitFor } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'dddddddddddddddddddddd15';
const manual = node('trigger', 'trigger', { source: 'manual' });

describe.each(dialects)('the flow language end to end on %s', (dialect) => {
  let sim: TReceiverScenario['sim'];
  let api: TReceiverScenario['api'];
  let receiver: TReceiverScenario['receiver'];
  let scenario: TReceiverScenario | undefined;
  const hitsAt = (path: string) => receiver.hits.filter((h) => h.path === path);
  const keysOf = (steps: { nodeId: string | null; status: string }[]) => steps.map((s) => `${s.nodeId}:${s.status}`);

  beforeAll(async () => {
    scenario = await startFlowScenario({
      dialect,
      workspaceId: ws,
      seed: { workspaces: [{ id: ws, users: 1, projects: 1, tags: 1, timeEntries: 1 }] },
      receiver: true,
      // One slot: a waiting execution must not hold it (the other runs finish meanwhile).
      server: { worker: { concurrency: 1, leaseMs: 3_000 }, env: { UW_FLOW_MAX_ATTEMPTS: '2' } },
    });
    ({ sim, api, receiver } = scenario);
  });
  afterAll(() => scenario?.close());
  beforeEach(() => {
    receiver.hits.length = 0;
  });

  it('a manual run gets its sample as payload; an unknown flow is NOT_FOUND', async () => {
    const definition = {
      nodes: [manual, post('send', `${receiver.url}/manual`, '{ "got": payload, "type": event.type }')],
      edges: [edge('trigger', 'send')],
    };
    const { execution } = await createAndRun(api, { name: 'manual', definition, sample: { answer: 42 } });
    expect(execution.status).toBe('succeeded');
    expect(hitsAt('/manual').map((h) => h.body)).toEqual([{ got: { answer: 42 }, type: 'manual' }]);
    await expect(api.flows.run.mutate({ id: 'no-such-flow' })).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
  });

  it('a false condition takes its "false" edges, not its "true" ones', async () => {
    const definition = {
      nodes: [
        manual,
        node('big', 'condition', { expression: 'payload.n > 5' }),
        post('yes', `${receiver.url}/yes`, '{}'),
        post('no', `${receiver.url}/no`, '{ "n": payload.n }'),
      ],
      edges: [edge('trigger', 'big'), edge('big', 'yes', 'true'), edge('big', 'no', 'false')],
    };
    const { execution } = await createAndRun(api, { name: 'condition', definition, sample: { n: 1 } });
    expect(execution.status).toBe('succeeded');
    expect(keysOf(execution.steps)).toEqual(['big:blocked', 'no:succeeded']);
    expect(hitsAt('/no').map((h) => h.body)).toEqual([{ n: 1 }]);
    expect(hitsAt('/yes')).toEqual([]);
  });

  it('a switch runs the first truthy case, else its default', async () => {
    const definition = {
      nodes: [
        manual,
        node('route', 'switch', {
          cases: [
            { id: 'small', expression: 'payload.days < 3' },
            { id: 'large', expression: 'payload.days > 20' },
          ],
        }),
        post('s', `${receiver.url}/small`, '{}'),
        post('l', `${receiver.url}/large`, '{}'),
        post('d', `${receiver.url}/default`, '{}'),
      ],
      edges: [edge('trigger', 'route'), edge('route', 's', 'small'), edge('route', 'l', 'large'), edge('route', 'd', 'default')],
    };
    const flow = await api.flows.create.mutate({ name: 'switch', enabled: true, definition: definition as never });
    for (const days of [30, 10]) await finished(api, (await api.flows.run.mutate({ id: flow.id, sample: { days } })).executionId);
    expect(receiver.hits.map((h) => h.path)).toEqual(['/large', '/default']);
  });

  it('forEach calls Clockify once per payload item, then its "done" edge sees the results; set values are reused', async () => {
    const definition = {
      nodes: [
        manual,
        node('prefix', 'set', { values: { text: '"loop " & payload.batch' } }),
        node('each', 'forEach', { items: 'payload.names' }),
        node('tag', 'clockify', {
          operationId: 'createNewTag',
          path: {},
          query: {},
          body: '{ "name": steps.prefix.text & " " & $item & " " & $index }',
        }),
        post('report', `${receiver.url}/report`, '{ "count": steps.each.count, "names": steps.each.results.body.name }'),
      ],
      edges: [edge('trigger', 'prefix'), edge('prefix', 'each'), edge('each', 'tag', 'body'), edge('each', 'report', 'done')],
    };
    const batch = `b${Date.now()}`;
    const { execution } = await createAndRun(api, { name: 'loop', definition, sample: { batch, names: ['a', 'b', 'c'] } });
    expect(execution.status).toBe('succeeded');
    const names = ['a', 'b', 'c'].map((n, i) => `loop ${batch} ${n} ${i}`);
    expect(
      simData(sim, ws)
        .tags.filter((t) => t.name.startsWith(`loop ${batch}`))
        .map((t) => t.name)
        .sort(),
    ).toEqual(names);
    const tagSteps = execution.steps.filter((s) => s.kind === 'clockify');
    expect(tagSteps.map((s) => s.nodeId)).toEqual(['tag#0', 'tag#1', 'tag#2']);
    expect(new Set(tagSteps.map((s) => s.idempotencyKey)).size).toBe(3);
    expect(tagSteps[2]!.idempotencyKey).toBe(`${execution.id}:tag#2`);
    expect(hitsAt('/report').map((h) => h.body)).toEqual([{ count: 3, names }]);
  });

  it('a wait parks the execution as waiting, holding no worker slot, then finishes', async () => {
    const definition = {
      nodes: [manual, node('pause', 'wait', { seconds: '1' }), post('after', `${receiver.url}/after-wait`, '{ "n": payload.n }')],
      edges: [edge('trigger', 'pause'), edge('pause', 'after')],
    };
    const flow = await api.flows.create.mutate({ name: 'wait', enabled: true, definition: definition as never });
    const { executionId } = await api.flows.run.mutate({ id: flow.id, sample: { n: 7 } });
    const waiting = await waitFor(async () => {
      const e = await api.executions.get.query({ id: executionId });

      return e.status === 'waiting' ? e : null;
    });
    expect(waiting.runAfter).toBeGreaterThan(Date.now() - 1_000);
    const listed = await api.executions.list.query({ status: 'waiting' });
    expect(listed.items.map((e) => e.id)).toContain(executionId);
    await expect(api.executions.retry.mutate({ id: executionId })).rejects.toMatchObject({ data: { code: 'CONFLICT' } });
    // The only worker slot is free meanwhile: another run finishes while this one waits.
    const quick = { nodes: [manual, post('q', `${receiver.url}/quick`, '{}')], edges: [edge('trigger', 'q')] };
    const other = await createAndRun(api, { name: 'quick', definition: quick });
    expect(other.execution.status).toBe('succeeded');
    expect((await api.executions.get.query({ id: executionId })).status).toBe('waiting');
    const done = await finished(api, executionId);
    expect(done.status).toBe('succeeded');
    expect(done.attempts).toBe(1);
    expect(hitsAt('/after-wait').map((h) => h.body)).toEqual([{ n: 7 }]);
    expect(done.steps.filter((s) => s.nodeId === 'after')).toHaveLength(1);
  });

  it('fan-in: the template’s tag_entry runs once on either path (tag created, tag found)', async () => {
    // Without `taskId`: the template copies it into the PUT, and the simulator refuses a null task id.
    const { taskId: _task, ...entry } = { ...simData(sim, ws).timeEntries[0]!, projectId: null };
    const flow = await api.flows.create.mutate({
      name: 'no project',
      enabled: true,
      definition: TAG_TIME_ENTRIES_WITHOUT_PROJECT.definition as never,
    });
    const runs = [];
    for (let i = 0; i < 2; i++) runs.push(await finished(api, (await api.flows.run.mutate({ id: flow.id, sample: entry })).executionId));
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    expect(runs[0]!.steps.map((s) => s.nodeId)).toContain('create_tag');
    expect(runs[1]!.steps.map((s) => s.nodeId)).not.toContain('create_tag');
    for (const run of runs) expect(run.steps.filter((s) => s.nodeId === 'tag_entry')).toHaveLength(1);
    const tag = simData(sim, ws).tags.find((t) => t.name === 'No project')!;
    expect(simData(sim, ws).timeEntries.find((t) => t.id === entry.id)?.tagIds).toContain(tag.id);
  });

  it('a loop over its maxItems ends the execution failed with BUDGET_ITEMS', async () => {
    const definition = {
      nodes: [
        manual,
        node('each', 'forEach', { items: 'payload.items', maxItems: 2 }),
        post('x', `${receiver.url}/item`, '{ "i": $item }'),
      ],
      edges: [edge('trigger', 'each'), edge('each', 'x', 'body')],
    };
    const { execution } = await createAndRun(api, { name: 'budget', definition, sample: { items: [1, 2, 3] } });
    expect(execution.status).toBe('failed');
    expect(execution.error).toMatchObject({ code: 'BUDGET_ITEMS' });
    expect(hitsAt('/item')).toEqual([]);
  });

  it('a retried manual run gets the same payload again', async () => {
    const definition = {
      nodes: [manual, post('call', `${receiver.url}/fail-retry`, '{ "n": payload.n }')],
      edges: [edge('trigger', 'call')],
    };
    const { execution } = await createAndRun(api, { name: 'retry me', definition, sample: { n: 3 } });
    expect(execution.status).toBe('failed');
    const retried = await api.executions.retry.mutate({ id: execution.id, from: 'start' });
    expect((await finished(api, retried.id)).status).toBe('failed');
    expect(hitsAt('/fail-retry').map((h) => h.body)).toEqual([{ n: 3 }, { n: 3 }]);
  });

  // Last: from here on every failure in the workspace notifies.
  it('EXECUTION_FAILED reaches a loopback receiver, and a failing notification does not notify about itself', async () => {
    const notify = {
      nodes: [
        node('trigger', 'trigger', { source: 'internal', events: ['EXECUTION_FAILED'] }),
        // The receiver records the notification and answers 400: the notification itself fails.
        post('tell', `${receiver.url}/fail-notify`, 'payload'),
      ],
      edges: [edge('trigger', 'tell')],
    };
    const notifier = await api.flows.create.mutate({ name: 'notify', enabled: true, definition: notify as never });
    const failing = { nodes: [manual, post('call', `${receiver.url}/fail-call`, '{}')], edges: [edge('trigger', 'call')] };
    const { flowId, execution } = await createAndRun(api, { name: 'fails', definition: failing });
    expect(execution.status).toBe('failed');
    const [hit] = await waitFor(async () => (hitsAt('/fail-notify').length > 0 ? hitsAt('/fail-notify') : null));
    expect(hit!.body).toMatchObject({
      event: 'EXECUTION_FAILED',
      flow: { id: flowId, name: 'fails' },
      execution: { id: execution.id },
      error: { nodeId: 'call' },
    });
    const notifications = await waitFor(async () => {
      const page = await api.flows.executions.query({ flowId: notifier.id });

      return page.items.every((e) => e.status === 'failed') ? page.items : null;
    });
    expect(notifications).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await api.flows.executions.query({ flowId: notifier.id })).items).toHaveLength(1);
    expect(hitsAt('/fail-notify')).toHaveLength(1);
    await api.flows.delete.mutate({ id: notifier.id });
  });
});
