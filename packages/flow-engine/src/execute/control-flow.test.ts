import { describe, expect, it } from 'vitest';

import { createEvaluator } from '../expressions/create-evaluator';
import { condition, edge, flow, post, set, switchOn, trigger } from './__tests__/builders';
import { createContext, createFakeJournal, createFakePorts } from './__tests__/fakes';
import { executeFlow } from './execute-flow';

const evaluator = createEvaluator();
const urls = (http: ReturnType<typeof createFakePorts>['http']) =>
  http.mock.calls.map(([request]) => request.url.replace('https://example.com/', ''));

async function run(definition: ReturnType<typeof flow>, payload: unknown, journal = createFakeJournal()) {
  const ports = createFakePorts();
  const outcome = await executeFlow({
    definition,
    context: createContext(payload),
    journal: journal.journal,
    ports: ports.ports,
    evaluator,
  });

  return { outcome, http: ports.http, entries: journal.entries };
}

describe('condition branches', () => {
  const definition = flow(
    [trigger(), condition('big', 'payload.n > 10'), post('yes'), post('no'), post('also_yes')],
    [edge('t', 'big'), edge('big', 'yes', 'true'), edge('big', 'no', 'false'), edge('big', 'also_yes')],
  );

  it('a true condition runs its "true" edges and the unlabelled ones, not the "false" ones', async () => {
    const { outcome, http } = await run(definition, { n: 50 });
    expect(urls(http)).toEqual(['yes', 'also_yes']);
    expect(outcome.trace.find((t) => t.nodeId === 'big')).toMatchObject({ state: 'passed', branch: 'true' });
    expect(outcome.trace.find((t) => t.nodeId === 'no')?.state).toBe('skipped');
  });

  it('a false condition runs only its "false" edges', async () => {
    const { outcome, http } = await run(definition, { n: 1 });
    expect(urls(http)).toEqual(['no']);
    expect(outcome.trace.find((t) => t.nodeId === 'big')).toMatchObject({ state: 'blocked', branch: 'false' });
  });
});

describe('switch', () => {
  const definition = flow(
    [
      trigger(),
      switchOn('route', [
        ['approve', 'payload.s = "A"'],
        ['reject', 'payload.s = "R"'],
        ['also_a', 'payload.s = "A"'],
      ]),
      post('a'),
      post('r'),
      post('d'),
    ],
    [edge('t', 'route'), edge('route', 'a', 'approve'), edge('route', 'r', 'reject'), edge('route', 'd', 'default')],
  );

  it.each([
    ['A', 'approve', ['a']],
    ['R', 'reject', ['r']],
    ['?', 'default', ['d']],
  ])('status %s takes the first truthy case (%s), else default', async (status, branch, called) => {
    const { outcome, http, entries } = await run(definition, { s: status });
    expect(urls(http)).toEqual(called);
    expect(outcome.trace.find((t) => t.nodeId === 'route')).toMatchObject({ state: 'switched', branch });
    expect(entries[0]).toEqual({ nodeId: 'route', key: 'route', kind: 'switch', branch });
  });

  it('a resumed run takes the journaled case even when the payload would now pick another', async () => {
    const journal = createFakeJournal();
    await journal.journal.record({ nodeId: 'route', key: 'route', kind: 'switch', branch: 'reject' });
    const { http } = await run(definition, { s: 'A' }, journal);
    expect(urls(http)).toEqual(['r']);
  });
});

describe('set', () => {
  it('evaluates each value once and exposes steps.<id>.<name> to later nodes', async () => {
    const definition = flow(
      [trigger(), set('calc', { total: '$sum(payload.xs)', label: '"n=" & $count(payload.xs)' }), post('send', 'steps.calc')],
      [edge('t', 'calc'), edge('calc', 'send')],
    );
    const { outcome, http, entries } = await run(definition, { xs: [1, 2, 3] });
    expect(http.mock.calls[0]?.[0].body).toEqual({ total: 6, label: 'n=3' });
    expect(outcome.steps.calc).toEqual({ total: 6, label: 'n=3' });
    expect(entries[0]).toEqual({ nodeId: 'calc', key: 'calc', kind: 'set', values: { total: 6, label: 'n=3' } });
  });

  it('a failing value names its field', async () => {
    const definition = flow([trigger(), set('calc', { bad: '$error("x")' })], [edge('t', 'calc')]);
    const { outcome } = await run(definition, {});
    expect(outcome).toMatchObject({ status: 'failed', nodeId: 'calc', error: { code: 'EXPRESSION_ERROR', field: 'data.values.bad' } });
  });
});

describe('fan-in: a node with several incoming edges', () => {
  // if_a (true) → a → join; if_a (false) → join directly; b → join runs always.
  const definition = flow(
    [trigger(), condition('if_a', 'payload.a'), post('a'), post('join', '$keys(steps)')],
    [edge('t', 'if_a'), edge('if_a', 'a', 'true'), edge('a', 'join'), edge('if_a', 'join', 'false')],
  );

  it.each([
    [true, ['a', 'join']],
    [false, ['join']],
  ])('runs once whichever side is live (a = %s)', async (a, called) => {
    const { outcome, http } = await run(definition, { a });
    expect(urls(http)).toEqual(called);
    expect(outcome.trace.filter((t) => t.nodeId === 'join')).toEqual([{ nodeId: 'join', kind: 'http', state: 'succeeded' }]);
  });

  it('waits for every source to be decided: the join comes after the longer branch', async () => {
    const long = flow(
      [trigger(), post('join'), post('a1'), post('a2'), post('a3')],
      [edge('t', 'join'), edge('t', 'a1'), edge('a1', 'a2'), edge('a2', 'a3'), edge('a3', 'join')],
    );
    const { http } = await run(long, {});
    expect(urls(http)).toEqual(['a1', 'a2', 'a3', 'join']);
  });

  it('is skipped when no incoming edge is live', async () => {
    const dead = flow(
      [trigger(), condition('c1', 'false'), condition('c2', 'false'), post('join')],
      [edge('t', 'c1'), edge('t', 'c2'), edge('c1', 'join'), edge('c2', 'join')],
    );
    const { outcome, http } = await run(dead, {});
    expect(http).not.toHaveBeenCalled();
    expect(outcome.trace.at(-1)).toEqual({ nodeId: 'join', kind: 'http', state: 'skipped' });
  });
});
