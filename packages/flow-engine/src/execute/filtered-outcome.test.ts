import { describe, expect, it } from 'vitest';

import { createEvaluator } from '../expressions/create-evaluator';
import { condition, edge, flow, forEach, post, set, switchOn, trigger } from './__tests__/builders';
import { createContext, createFakeJournal, createFakePorts } from './__tests__/fakes';
import { executeFlow } from './execute-flow';

const evaluator = createEvaluator();

async function run(definition: ReturnType<typeof flow>, payload: unknown, options: { dryRun?: boolean } = {}) {
  const ports = createFakePorts();
  const journal = createFakeJournal();

  return executeFlow({
    definition,
    context: createContext(payload),
    journal: journal.journal,
    ports: ports.ports,
    evaluator,
    dryRun: options.dryRun,
  });
}

describe('filtered: a run its decisions ended before anything acted', () => {
  const gated = flow([trigger(), condition('big', 'payload.n > 10'), post('notify')], [edge('t', 'big'), edge('big', 'notify')]);

  it('a blocked condition in front of every action ends the run filtered, a passed one succeeded', async () => {
    expect((await run(gated, { n: 1 })).status).toBe('filtered');
    expect((await run(gated, { n: 50 })).status).toBe('succeeded');
  });

  it('a dry run is filtered the same way, with no request built', async () => {
    const outcome = await run(gated, { n: 1 }, { dryRun: true });
    expect(outcome).toMatchObject({ status: 'filtered', dryRunRequests: [] });
    expect((await run(gated, { n: 50 }, { dryRun: true })).status).toBe('succeeded');
  });

  it('a blocked condition whose false branch acts is succeeded', async () => {
    const both = flow(
      [trigger(), condition('big', 'payload.n > 10'), post('yes'), post('no')],
      [edge('t', 'big'), edge('big', 'yes', 'true'), edge('big', 'no', 'false')],
    );
    expect((await run(both, { n: 1 })).status).toBe('succeeded');
  });

  it('an action of one branch acting makes the run succeeded even when another branch is blocked', async () => {
    const split = flow(
      [trigger(), condition('big', 'payload.n > 10'), post('gated'), post('always')],
      [edge('t', 'big'), edge('big', 'gated'), edge('t', 'always')],
    );
    expect((await run(split, { n: 1 })).status).toBe('succeeded');
  });

  it('a switch whose chosen case leads to no action is filtered', async () => {
    const routed = flow(
      [trigger(), switchOn('route', [['a', 'payload.s = "A"']]), post('on_a'), set('note', { seen: 'true' })],
      [edge('t', 'route'), edge('route', 'on_a', 'a'), edge('route', 'note', 'default')],
    );
    expect((await run(routed, { s: 'B' })).status).toBe('filtered');
    expect((await run(routed, { s: 'A' })).status).toBe('succeeded');
  });

  it('a loop whose condition blocks every item is filtered; a loop with no items decided nothing and succeeded', async () => {
    const loop = flow(
      [trigger(), forEach('each', 'payload.items'), condition('keep', '$item > 10'), post('send')],
      [edge('t', 'each'), edge('each', 'keep', 'body'), edge('keep', 'send')],
    );
    expect((await run(loop, { items: [1, 2] })).status).toBe('filtered');
    expect((await run(loop, { items: [1, 20] })).status).toBe('succeeded');
    expect((await run(loop, { items: [] })).status).toBe('succeeded');
  });

  it('a flow with no decision and no action succeeded', async () => {
    expect((await run(flow([trigger(), set('note', { a: '1' })], [edge('t', 'note')]), {})).status).toBe('succeeded');
  });
});
