import { describe, expect, it } from 'vitest';

import { createEvaluator } from '../expressions/create-evaluator';
import { ZFlowDefinitionSchema, type TFlowDefinition } from '../model/flow-definition-schema';
import { createContext, createFakeJournal, createFakePorts, metaOf } from './__tests__/fakes';
import branchesAndJoin from './__fixtures__/branches-and-join.json';
import chainedActions from './__fixtures__/chained-actions.json';
import conditionBranch from './__fixtures__/condition-branch.json';
import { executeFlow } from './execute-flow';

const evaluator = createEvaluator();
const load = (fixture: unknown): TFlowDefinition => ZFlowDefinitionSchema.parse(fixture);

describe('executeFlow: conditions', () => {
  const definition = load(conditionBranch);

  it('a true condition continues to the action', async () => {
    const { journal, entries } = createFakeJournal();
    const { ports, http } = createFakePorts();
    const outcome = await executeFlow({ definition, context: createContext({ amount: 250 }), journal, ports, evaluator });

    expect(outcome.status).toBe('succeeded');
    expect(http).toHaveBeenCalledTimes(1);
    expect(http).toHaveBeenCalledWith(
      {
        method: 'POST',
        url: 'https://hooks.example.com/big-orders',
        headers: { 'Content-Type': 'application/json', 'X-Event-Id': 'evt-1', 'Idempotency-Key': 'evt-1:notify' },
        body: { amount: 250, workspace: 'ws-1' },
      },
      metaOf('notify'),
    );
    expect(entries.map((e) => [e.nodeId, e.kind, 'result' in e ? e.result : 'status' in e ? e.status : e.kind])).toEqual([
      ['is_big', 'condition', true],
      ['notify', 'http', 'succeeded'],
    ]);
    expect(outcome.steps).toEqual({ notify: { status: 200, headers: {}, body: { ok: true } } });
    expect(outcome.trace.map((t) => t.state)).toEqual(['triggered', 'passed', 'succeeded']);
  });

  it('a false condition ends the branch', async () => {
    const { journal, entries, started } = createFakeJournal();
    const { ports, http } = createFakePorts();
    const outcome = await executeFlow({ definition, context: createContext({ amount: 5 }), journal, ports, evaluator });

    expect(outcome).toMatchObject({ status: 'filtered', steps: {} });
    expect(http).not.toHaveBeenCalled();
    expect(started).toEqual([]);
    expect(entries).toEqual([{ nodeId: 'is_big', key: 'is_big', kind: 'condition', result: false }]);
    expect(outcome.trace.map((t) => [t.nodeId, t.state])).toEqual([
      ['trigger', 'triggered'],
      ['is_big', 'blocked'],
      ['notify', 'skipped'],
    ]);
  });

  it('a condition that fails to evaluate fails the run with the expression code', async () => {
    const broken = load({
      ...conditionBranch,
      nodes: conditionBranch.nodes.map((n) => (n.id === 'is_big' ? { ...n, data: { expression: '$error("nope")' } } : n)),
    });
    const { journal } = createFakeJournal();
    const { ports, http } = createFakePorts();
    const outcome = await executeFlow({ definition: broken, context: createContext({}), journal, ports, evaluator });

    expect(outcome).toMatchObject({
      status: 'failed',
      nodeId: 'is_big',
      error: { code: 'EXPRESSION_ERROR', field: 'data.expression', message: 'nope' },
    });
    expect(http).not.toHaveBeenCalled();
  });

  it('runs a join once, after its live branch, and skips the dead branch', async () => {
    const { journal } = createFakeJournal();
    const { ports, http } = createFakePorts();
    const outcome = await executeFlow({
      definition: load(branchesAndJoin),
      context: createContext({ a: true, b: false }),
      journal,
      ports,
      evaluator,
    });

    expect(outcome.status).toBe('succeeded');
    expect(http.mock.calls.map(([request]) => [request.url, request.body])).toEqual([
      ['https://example.com/a', undefined],
      ['https://example.com/join', 'do_a'],
    ]);
    expect(outcome.trace.map((t) => `${t.nodeId}:${t.state}`)).toEqual([
      'trigger:triggered',
      'if_a:passed',
      'if_b:blocked',
      'do_a:succeeded',
      'do_b:skipped',
      'join:succeeded',
    ]);
  });

  it('skips the join when no branch is live', async () => {
    const { journal } = createFakeJournal();
    const { ports, http } = createFakePorts();
    const outcome = await executeFlow({ definition: load(branchesAndJoin), context: createContext({}), journal, ports, evaluator });

    expect(outcome.status).toBe('filtered');
    expect(http).not.toHaveBeenCalled();
  });
});

describe('executeFlow: chained actions and resume', () => {
  const definition = load(chainedActions);
  const tagResponse = { status: 201, headers: { 'content-type': 'application/json' }, body: { id: 'tag-9', name: 'entry-te-1' } };

  it('the second action uses the first one’s response; workspaceId is bound automatically', async () => {
    const { journal, started } = createFakeJournal();
    const { ports, clockify, http } = createFakePorts({ clockify: async () => tagResponse });
    const context = createContext({ id: 'te-1' });
    const outcome = await executeFlow({ definition, context, journal, ports, evaluator });

    expect(outcome.status).toBe('succeeded');
    expect(clockify).toHaveBeenCalledWith(
      { operationId: 'createNewTag', path: { workspaceId: 'ws-1' }, query: {}, body: { name: 'entry-te-1' } },
      metaOf('create_tag'),
    );
    expect(http).toHaveBeenCalledWith(
      {
        method: 'PUT',
        url: 'https://hooks.example.com/tags/tag-9',
        headers: { 'X-Workspace': 'ws-1', 'Idempotency-Key': 'evt-1:announce' },
        body: { tagId: 'tag-9', createdWith: 201 },
      },
      metaOf('announce'),
    );
    expect(started.map((s) => s.nodeId)).toEqual(['create_tag', 'announce']);
    expect(outcome.steps.create_tag).toEqual(tagResponse);
    expect(context.steps).toEqual({});
  });

  it('resumes after a crash: a journaled step is reused, only the next one is sent', async () => {
    const { journal, started, entries } = createFakeJournal({ create_tag: tagResponse });
    const { ports, clockify, http } = createFakePorts();
    const outcome = await executeFlow({ definition, context: createContext({ id: 'te-1' }), journal, ports, evaluator });

    expect(outcome.status).toBe('succeeded');
    expect(clockify).not.toHaveBeenCalled();
    expect(http).toHaveBeenCalledTimes(1);
    expect(http.mock.calls[0]?.[0].url).toBe('https://hooks.example.com/tags/tag-9');
    expect(started.map((s) => s.nodeId)).toEqual(['announce']);
    expect(entries.map((e) => e.nodeId)).toEqual(['announce']);
    expect(outcome.trace.map((t) => t.state)).toEqual(['triggered', 'reused', 'succeeded']);
  });
});

describe('executeFlow: failures', () => {
  const definition = load(chainedActions);

  it('a retryable error → retry with the delay; nothing after it runs; the retry resumes', async () => {
    const { journal, started, entries } = createFakeJournal();
    let attempts = 0;
    const { ports, http } = createFakePorts({
      clockify: async () => {
        attempts += 1;
        if (attempts === 1) {
          throw Object.assign(new Error('Clockify unavailable'), { retryable: true, retryAfterMs: 2_000, code: 'CLOCKIFY_UNAVAILABLE' });
        }

        return { status: 201, headers: {}, body: { id: 'tag-1' } };
      },
    });
    const first = await executeFlow({ definition, context: createContext({ id: 'te-1' }), journal, ports, evaluator });

    expect(first).toMatchObject({
      status: 'retry',
      nodeId: 'create_tag',
      retryAfterMs: 2_000,
      error: { code: 'CLOCKIFY_UNAVAILABLE', kind: 'operational' },
    });
    expect(http).not.toHaveBeenCalled();
    expect(started.map((s) => s.nodeId)).toEqual(['create_tag']);
    expect(entries).toEqual([]);

    const second = await executeFlow({ definition, context: createContext({ id: 'te-1' }), journal, ports, evaluator });
    expect(second.status).toBe('succeeded');
    expect(attempts).toBe(2);
    expect(http).toHaveBeenCalledTimes(1);
  });

  it('an operational error without a delay → retry without retryAfterMs', async () => {
    class OperationalError extends Error {
      readonly kind = 'operational';
    }
    const { ports } = createFakePorts({ clockify: () => Promise.reject(new OperationalError('socket hang up')) });
    const outcome = await executeFlow({
      definition,
      context: createContext({ id: 'x' }),
      journal: createFakeJournal().journal,
      ports,
      evaluator,
    });

    expect(outcome).toMatchObject({ status: 'retry', error: { code: 'STEP_UNAVAILABLE', message: 'socket hang up' } });
    expect(outcome).not.toHaveProperty('retryAfterMs');
  });

  it('a non-retryable error → failed, with the upstream status and body', async () => {
    const apiError = Object.assign(new Error('Tag name already exists'), {
      status: 400,
      body: { code: 501, message: 'exists' },
      code: 'CLOCKIFY_API_ERROR',
    });
    const { ports, http } = createFakePorts({ clockify: () => Promise.reject(apiError) });
    const outcome = await executeFlow({
      definition,
      context: createContext({ id: 'x' }),
      journal: createFakeJournal().journal,
      ports,
      evaluator,
    });

    expect(outcome).toMatchObject({
      status: 'failed',
      nodeId: 'create_tag',
      error: { code: 'CLOCKIFY_API_ERROR', kind: 'user', httpStatus: 400, body: { code: 501, message: 'exists' } },
    });
    expect(http).not.toHaveBeenCalled();
  });

  it('classifies returned HTTP statuses: 503 → retry (Retry-After), 404 → failed', async () => {
    const respond = (status: number) => async () => ({ status, headers: { 'Retry-After': '7' }, body: 'nope' });
    const journal = () => createFakeJournal({ create_tag: { status: 201, headers: {}, body: { id: 't' } } }).journal;
    const unavailable = await executeFlow({
      definition,
      context: createContext({}),
      journal: journal(),
      ports: createFakePorts({ http: respond(503) }).ports,
      evaluator,
    });
    const missing = await executeFlow({
      definition,
      context: createContext({}),
      journal: journal(),
      ports: createFakePorts({ http: respond(404) }).ports,
      evaluator,
    });

    expect(unavailable).toMatchObject({
      status: 'retry',
      nodeId: 'announce',
      retryAfterMs: 7_000,
      error: { code: 'UPSTREAM_STATUS', httpStatus: 503 },
    });
    expect(missing).toMatchObject({
      status: 'failed',
      nodeId: 'announce',
      error: { code: 'UPSTREAM_STATUS', httpStatus: 404, body: 'nope' },
    });
  });

  it('an expression error in a mapping fails the step before anything is sent', async () => {
    const slow = load({
      ...chainedActions,
      nodes: chainedActions.nodes.map((n) =>
        n.id === 'create_tag' ? { ...n, data: { ...n.data, body: '($f := function($x){ $f($x) }; $f(1))' } } : n,
      ),
    });
    const { journal, started } = createFakeJournal();
    const { ports, clockify } = createFakePorts();
    const outcome = await executeFlow({
      definition: slow,
      context: createContext({}),
      journal,
      ports,
      evaluator: createEvaluator({ timeLimitMs: 20 }),
    });

    expect(outcome).toMatchObject({ status: 'failed', nodeId: 'create_tag', error: { code: 'EXPRESSION_TIMEOUT', field: 'data.body' } });
    expect(clockify).not.toHaveBeenCalled();
    expect(started).toEqual([]);
  });

  it('refuses to run an invalid flow', async () => {
    const cyclic = load({ ...chainedActions, edges: [...chainedActions.edges, { id: 'back', source: 'announce', target: 'create_tag' }] });
    const { ports, clockify, http } = createFakePorts();
    const outcome = await executeFlow({
      definition: cyclic,
      context: createContext({}),
      journal: createFakeJournal().journal,
      ports,
      evaluator,
    });

    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'FLOW_INVALID' } });
    expect(outcome.status === 'failed' && outcome.error.message).toMatch(/cycle/);
    expect(clockify).not.toHaveBeenCalled();
    expect(http).not.toHaveBeenCalled();
  });

  it('refuses a URL that is not http(s)', async () => {
    const file = load({
      ...conditionBranch,
      nodes: conditionBranch.nodes.map((n) => (n.id === 'notify' ? { ...n, data: { ...n.data, url: '"file:///etc/passwd"' } } : n)),
    });
    const { ports, http } = createFakePorts();
    const outcome = await executeFlow({
      definition: file,
      context: createContext({ amount: 500 }),
      journal: createFakeJournal().journal,
      ports,
      evaluator,
    });

    expect(outcome).toMatchObject({ status: 'failed', nodeId: 'notify', error: { code: 'STEP_FAILED' } });
    expect(http).not.toHaveBeenCalled();
  });
});

describe('executeFlow: dry run', () => {
  it('sends nothing, lists every would-be request and records them as dry-run', async () => {
    const { journal, entries, started } = createFakeJournal();
    const { ports, clockify, http } = createFakePorts();
    const outcome = await executeFlow({
      definition: load(chainedActions),
      context: createContext({ id: 'te-1' }),
      journal,
      ports,
      evaluator,
      dryRun: true,
    });

    expect(clockify).not.toHaveBeenCalled();
    expect(http).not.toHaveBeenCalled();
    expect(started).toEqual([]);
    expect(outcome).toMatchObject({ status: 'succeeded', steps: {} });
    expect(outcome.status === 'succeeded' && outcome.dryRunRequests).toEqual([
      {
        nodeId: 'create_tag',
        key: 'create_tag',
        kind: 'clockify',
        request: { operationId: 'createNewTag', path: { workspaceId: 'ws-1' }, query: {}, body: { name: 'entry-te-1' } },
      },
      {
        nodeId: 'announce',
        key: 'announce',
        kind: 'http',
        request: {
          method: 'PUT',
          url: 'https://hooks.example.com/tags/',
          headers: { 'X-Workspace': 'ws-1', 'Idempotency-Key': 'evt-1:announce' },
          body: {},
        },
      },
    ]);
    expect(entries.map((e) => [e.nodeId, 'status' in e ? e.status : e.kind])).toEqual([
      ['create_tag', 'dry-run'],
      ['announce', 'dry-run'],
    ]);
  });
});

describe('executeFlow: validation', () => {
  /** The shared evaluator, counting the expression checks validation makes. */
  const counting = () => {
    let checks = 0;
    const spy = { ...evaluator, check: (expression: string) => (checks++, evaluator.check(expression)) };

    return { spy, checks: () => checks };
  };

  it('checks a definition object once and reuses the verdict; a new object is checked again', async () => {
    const { spy, checks } = counting();
    const definition = load(conditionBranch);
    const run = (def: TFlowDefinition) =>
      executeFlow({
        definition: def,
        context: createContext({ amount: 5 }),
        journal: createFakeJournal().journal,
        ports: createFakePorts().ports,
        evaluator: spy,
      });
    expect((await run(definition)).status).toBe('filtered');
    const afterFirst = checks();
    expect(afterFirst).toBeGreaterThan(0);
    expect((await run(definition)).status).toBe('filtered');
    expect(checks()).toBe(afterFirst);
    expect((await run(load(conditionBranch))).status).toBe('filtered');
    expect(checks()).toBe(afterFirst * 2);
  });

  it('keeps refusing an invalid definition on every run', async () => {
    const invalid = load({ ...chainedActions, edges: [...chainedActions.edges, { id: 'back', source: 'announce', target: 'create_tag' }] });
    const run = () =>
      executeFlow({
        definition: invalid,
        context: createContext({ amount: 5 }),
        journal: createFakeJournal().journal,
        ports: createFakePorts().ports,
        evaluator,
      });
    expect(await run()).toMatchObject({ status: 'failed', error: { code: 'FLOW_INVALID' } });
    expect(await run()).toMatchObject({ status: 'failed', error: { code: 'FLOW_INVALID' } });
  });
});
