import { describe, expect, it } from 'vitest';

import { createEvaluator } from '../expressions/create-evaluator';
import { condition, edge, flow, forEach, post, set, trigger } from './__tests__/builders';
import { createContext, createFakeJournal, createFakePorts } from './__tests__/fakes';
import { executeFlow } from './execute-flow';

const evaluator = createEvaluator();

// For each user: keep those under 40 h (condition), post them; after the loop post the summary.
const definition = flow(
  [
    trigger(),
    forEach('users', 'payload.users'),
    condition('under', '$item.hours < 40'),
    post('notify', '{ "name": $item.name, "index": $index, "loop": steps.users }'),
    post('summary', 'steps.users'),
  ],
  [edge('t', 'users'), edge('users', 'under', 'body'), edge('under', 'notify'), edge('users', 'summary', 'done')],
);
const users = [
  { name: 'ann', hours: 12 },
  { name: 'bob', hours: 45 },
  { name: 'cy', hours: 39 },
];
const execute = (journal: ReturnType<typeof createFakeJournal>, ports = createFakePorts()) =>
  executeFlow({
    definition,
    context: createContext({ users }),
    journal: journal.journal,
    ports: ports.ports,
    evaluator,
    executionId: 'exe-1',
  });

describe('forEach', () => {
  it('runs the body per item with $item and $index, then the done edges with steps.<loop>.results', async () => {
    const ports = createFakePorts();
    const outcome = await execute(createFakeJournal(), ports);

    expect(outcome.status).toBe('succeeded');
    const bodies = ports.http.mock.calls.map(([request]) => request.body);
    expect(bodies.slice(0, 2)).toEqual([
      { name: 'ann', index: 0, loop: { item: users[0], index: 0 } },
      { name: 'cy', index: 2, loop: { item: users[2], index: 2 } },
    ]);
    const ok = { status: 200, headers: {}, body: { ok: true } };
    expect(bodies[2]).toEqual({ results: [ok, null, ok], count: 3 });
    expect(outcome.steps.users).toEqual({ results: [ok, null, ok], count: 3 });
    expect(outcome.steps.notify).toBeUndefined();
  });

  it('gives every item its own journal key and idempotency key, and traces items by path', async () => {
    const ports = createFakePorts();
    const journal = createFakeJournal();
    await execute(journal, ports);
    const { started, entries } = journal;

    expect(started.map((s) => [s.nodeId, s.meta?.idempotencyKey])).toEqual([
      ['notify#0', 'exe-1:notify#0'],
      ['notify#2', 'exe-1:notify#2'],
      ['summary', 'exe-1:summary'],
    ]);
    expect(ports.http.mock.calls.map(([request, meta]) => [request.headers['Idempotency-Key'], meta.key])).toEqual([
      ['exe-1:notify#0', 'notify#0'],
      ['exe-1:notify#2', 'notify#2'],
      ['exe-1:summary', 'summary'],
    ]);
    expect(entries.filter((e) => e.kind === 'forEach').map((e) => [e.key, 'index' in e ? e.index : e.status])).toEqual([
      ['users', 'items'],
      ['users#0', 0],
      ['users#1', 1],
      ['users#2', 2],
    ]);
  });

  it('resumes after a crash at the first unfinished item and never re-sends a finished item’s call', async () => {
    const journal = createFakeJournal();
    let calls = 0;
    const crashing = createFakePorts({
      http: async () => {
        calls += 1;
        if (calls === 2) throw Object.assign(new Error('socket hang up'), { retryable: true });

        return { status: 201, headers: {}, body: { call: calls } };
      },
    });
    const first = await execute(journal, crashing);
    expect(first).toMatchObject({ status: 'retry', nodeId: 'notify', key: 'notify#2' });

    const second = createFakePorts();
    const outcome = await execute(journal, second);
    expect(outcome.status).toBe('succeeded');
    expect(second.http.mock.calls.map(([, meta]) => meta.key)).toEqual(['notify#2', 'summary']);
    expect(outcome.trace.filter((t) => t.nodeId === 'users').map((t) => [t.state, t.key])).toEqual([
      ['reused', 'users#0'],
      ['reused', 'users#1'],
      ['looped', undefined],
    ]);
    const results = (outcome.steps.users as { results: unknown[] }).results;
    expect(results[0]).toEqual({ status: 201, headers: {}, body: { call: 1 } });
  });

  it('replays a finished item from action outputs when the journal keeps no decisions', async () => {
    const journal = createFakeJournal({ 'notify#0': { status: 201, headers: {}, body: 'sent before' } }, { withRecorded: false });
    const ports = createFakePorts();
    const outcome = await execute(journal, ports);
    expect(ports.http.mock.calls.map(([, meta]) => meta.key)).toEqual(['notify#2', 'summary']);
    expect(outcome.trace.find((t) => t.key === 'notify#0')?.state).toBe('reused');
  });

  it('nested loops key items by their path and results nest', async () => {
    const nested = flow(
      [trigger(), forEach('rows', 'payload.rows'), forEach('cells', '$item'), set('cell', { v: '$item * 10', at: '$index' }), post('end')],
      [edge('t', 'rows'), edge('rows', 'cells', 'body'), edge('cells', 'cell', 'body'), edge('rows', 'end', 'done')],
    );
    const journal = createFakeJournal();
    const outcome = await executeFlow({
      definition: nested,
      context: createContext({ rows: [[1, 2], [3]] }),
      journal: journal.journal,
      ports: createFakePorts().ports,
      evaluator,
    });
    expect(outcome.steps.rows).toEqual({
      results: [
        {
          results: [
            { v: 10, at: 0 },
            { v: 20, at: 1 },
          ],
          count: 2,
        },
        { results: [{ v: 30, at: 0 }], count: 1 },
      ],
      count: 2,
    });
    expect(journal.entries.filter((e) => e.kind === 'set').map((e) => e.key)).toEqual(['cell#0.0', 'cell#0.1', 'cell#1.0']);
  });

  it('a single value is one item, nothing is none', async () => {
    const one = await executeFlow({
      definition,
      context: createContext({ users: users[0] }),
      journal: createFakeJournal().journal,
      ports: createFakePorts().ports,
      evaluator,
    });
    const none = await executeFlow({
      definition,
      context: createContext({}),
      journal: createFakeJournal().journal,
      ports: createFakePorts().ports,
      evaluator,
    });
    expect((one.steps.users as { count: number }).count).toBe(1);
    expect(none.steps.users).toEqual({ results: [], count: 0 });
  });

  it('reports the position of an error inside a body expression in the user’s own text', async () => {
    const broken = flow(
      [trigger(), forEach('l', '[1]'), set('s', { x: '$item + $error("no")' })],
      [edge('t', 'l'), edge('l', 's', 'body')],
    );
    const outcome = await executeFlow({
      definition: broken,
      context: createContext({}),
      journal: createFakeJournal().journal,
      ports: createFakePorts().ports,
      evaluator,
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      nodeId: 's',
      key: 's#0',
      error: { code: 'EXPRESSION_ERROR', field: 'data.values.x' },
    });
  });
});
