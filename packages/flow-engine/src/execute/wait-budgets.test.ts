import { describe, expect, it } from 'vitest';

import { createEvaluator } from '../expressions/create-evaluator';
import { edge, flow, forEach, post, set, trigger, wait } from './__tests__/builders';
import { createContext, createFakeJournal, createFakePorts } from './__tests__/fakes';
import { executeFlow } from './execute-flow';

const evaluator = createEvaluator();
const T0 = Date.parse('2026-03-02T09:00:00Z');

describe('wait', () => {
  const definition = flow(
    [trigger(), post('before'), wait('pause', { seconds: 'payload.delay' }), post('after')],
    [edge('t', 'before'), edge('before', 'pause'), edge('pause', 'after')],
  );
  const execute = (journal: ReturnType<typeof createFakeJournal>, ports: ReturnType<typeof createFakePorts>, now: number) =>
    executeFlow({
      definition,
      context: createContext({ delay: 3600 }),
      journal: journal.journal,
      ports: ports.ports,
      evaluator,
      now: () => now,
    });

  it('parks with the resume time, then resumes from the journal without re-sending anything', async () => {
    const journal = createFakeJournal();
    const first = createFakePorts();
    const parked = await execute(journal, first, T0);
    expect(parked).toMatchObject({
      status: 'parked',
      nodeId: 'pause',
      key: 'pause',
      until: '2026-03-02T10:00:00.000Z',
      resumeAt: T0 + 3_600_000,
    });
    expect(first.http.mock.calls.map(([, meta]) => meta.key)).toEqual(['before']);

    const early = createFakePorts();
    expect(await execute(journal, early, T0 + 60_000)).toMatchObject({ status: 'parked', resumeAt: T0 + 3_600_000 });
    expect(early.http).not.toHaveBeenCalled();

    const later = createFakePorts();
    const done = await execute(journal, later, T0 + 3_600_000);
    expect(done.status).toBe('succeeded');
    expect(later.http.mock.calls.map(([, meta]) => meta.key)).toEqual(['after']);
    expect(journal.entries.filter((e) => e.kind === 'wait').map((e) => ('status' in e ? e.status : ''))).toEqual(['parked', 'resumed']);
  });

  it('until takes an ISO time; a past time goes straight on', async () => {
    const until = flow([trigger(), wait('w', { until: '"2026-03-02T08:00:00Z"' }), post('after')], [edge('t', 'w'), edge('w', 'after')]);
    const ports = createFakePorts();
    const outcome = await executeFlow({
      definition: until,
      context: createContext({}),
      journal: createFakeJournal().journal,
      ports: ports.ports,
      evaluator,
      now: () => T0,
    });
    expect(outcome.status).toBe('succeeded');
    expect(outcome.trace.find((t) => t.nodeId === 'w')).toMatchObject({ state: 'waited', until: '2026-03-02T08:00:00.000Z' });
  });

  it('refuses a time that is not one, and a journal that cannot resume a wait', async () => {
    const bad = flow([trigger(), wait('w', { until: '"next tuesday"' })], [edge('t', 'w')]);
    const invalid = await executeFlow({
      definition: bad,
      context: createContext({}),
      journal: createFakeJournal().journal,
      ports: createFakePorts().ports,
      evaluator,
    });
    expect(invalid).toMatchObject({ status: 'failed', nodeId: 'w', error: { code: 'WAIT_INVALID_TIME', field: 'data.until' } });
    const legacy = createFakeJournal({}, { withRecorded: false });
    const unsupported = await execute(legacy, createFakePorts(), T0);
    expect(unsupported).toMatchObject({ status: 'failed', nodeId: 'pause', error: { code: 'WAIT_UNSUPPORTED' } });
  });

  it('a dry run notes the time and shows what follows', async () => {
    const outcome = await executeFlow({
      definition,
      context: createContext({ delay: 60 }),
      journal: createFakeJournal().journal,
      ports: createFakePorts().ports,
      evaluator,
      dryRun: true,
      now: () => T0,
    });
    expect(outcome.status).toBe('succeeded');
    expect(outcome.trace.find((t) => t.nodeId === 'pause')).toMatchObject({ state: 'parked', until: '2026-03-02T09:01:00.000Z' });
    expect(outcome.status === 'succeeded' && outcome.dryRunRequests?.map((r) => r.key)).toEqual(['before', 'after']);
  });
});

describe('budgets', () => {
  const loop = flow(
    [trigger(), forEach('l', '[1..payload.n]', 10_000), set('s', { x: '$item' })],
    [edge('t', 'l'), edge('l', 's', 'body')],
  );
  const run = (n: number, options: Parameters<typeof executeFlow>[0]['budgets'], now?: () => number) =>
    executeFlow({
      definition: loop,
      context: createContext({ n }),
      journal: createFakeJournal().journal,
      ports: createFakePorts().ports,
      evaluator,
      budgets: options,
      ...(now ? { now } : {}),
    });

  it('BUDGET_STEPS: more node runs than the cap', async () => {
    expect(await run(5, { maxSteps: 100 })).toMatchObject({ status: 'succeeded' });
    expect(await run(120, { maxSteps: 100 })).toMatchObject({
      status: 'failed',
      nodeId: 's',
      key: 's#98',
      error: { code: 'BUDGET_STEPS', details: { limit: 100 } },
    });
  });

  it('BUDGET_ITEMS: more loop items than the execution may take, or than the node’s maxItems', async () => {
    expect(await run(11, { maxItems: 10 })).toMatchObject({ status: 'failed', nodeId: 'l', error: { code: 'BUDGET_ITEMS' } });
    const capped = flow([trigger(), forEach('l', '[1..5]', 3), set('s', { x: '1' })], [edge('t', 'l'), edge('l', 's', 'body')]);
    const outcome = await executeFlow({
      definition: capped,
      context: createContext({}),
      journal: createFakeJournal().journal,
      ports: createFakePorts().ports,
      evaluator,
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      nodeId: 'l',
      error: { code: 'BUDGET_ITEMS', field: 'data.items', details: { limit: 3 } },
    });
  });

  it('BUDGET_TIME: the clock passes the cap', async () => {
    let clock = 0;
    const outcome = await run(50, { maxRunMs: 1_000 }, () => (clock += 100));
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'BUDGET_TIME', details: { limit: 1_000 } } });
  });

  it('the default step budget stops a 10,000-item loop of two nodes', async () => {
    const outcome = await run(10_000, undefined);
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'BUDGET_STEPS', details: { limit: 10_000 } } });
  });
});
