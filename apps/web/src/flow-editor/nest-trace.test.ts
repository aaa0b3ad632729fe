import { describe, expect, it } from 'vitest';

import { createEvaluator, executeFlow, type TFlowDefinition, type TFlowJournal } from '@uw/flow-engine';

import { itemCounts, nestTrace } from './nest-trace';

const at = { x: 0, y: 0 };
const http = (id: string) => ({
  id,
  kind: 'http' as const,
  position: at,
  data: { method: 'POST' as const, url: '"https://example.com"', headers: {} },
});
// For each of [1, 2, 3]: a condition (≥ 2) posts "big" or "small"; after the loop, one more post.
const definition: TFlowDefinition = {
  nodes: [
    { id: 't', kind: 'trigger', position: at, data: { source: 'manual' } },
    { id: 'loop', kind: 'forEach', position: at, data: { items: '[1, 2, 3]', maxItems: 10 } },
    { id: 'check', kind: 'condition', position: at, data: { expression: '$item >= 2' } },
    http('big'),
    http('small'),
    http('after'),
  ],
  edges: [
    { id: 'a', source: 't', target: 'loop' },
    { id: 'b', source: 'loop', target: 'check', branch: 'body' },
    { id: 'c', source: 'check', target: 'big', branch: 'true' },
    { id: 'd', source: 'check', target: 'small', branch: 'false' },
    { id: 'e', source: 'loop', target: 'after', branch: 'done' },
  ],
};

async function dryRunTrace() {
  const journal: TFlowJournal = { completed: () => undefined, started: () => undefined, record: () => undefined };
  const unused = () => Promise.reject(new Error('a dry run calls no port'));
  const outcome = await executeFlow({
    definition,
    context: {
      event: { type: 'SAMPLE', source: 'sample', receivedAt: '', id: 's' },
      payload: null,
      headers: {},
      workspace: { id: 'w' },
      steps: {},
    },
    journal,
    ports: { clockify: { execute: unused }, http: { send: unused } },
    evaluator: createEvaluator(),
    dryRun: true,
  });
  expect(outcome.status).toBe('succeeded');

  return outcome.trace;
}

describe('nestTrace (on the trace of a real dry run)', () => {
  it('puts each loop item under its loop, with the branch each item took', async () => {
    const rows = nestTrace(await dryRunTrace());

    expect(rows.map((r) => [r.entry.nodeId, r.entry.state])).toEqual([
      ['t', 'triggered'],
      ['loop', 'looped'],
      ['after', 'dry-run'],
    ]);
    const items = rows[1]?.items ?? [];
    expect(items.map((i) => [i.index, i.rows.map((r) => `${r.entry.nodeId}:${r.entry.branch ?? r.entry.state}`)])).toEqual([
      [0, ['check:false', 'big:skipped', 'small:dry-run']],
      [1, ['check:true', 'big:dry-run', 'small:skipped']],
      [2, ['check:true', 'big:dry-run', 'small:skipped']],
    ]);
    expect(itemCounts(items)).toEqual([
      {
        nodeId: 'check',
        counts: [
          ['false', 1],
          ['true', 2],
        ],
      },
      {
        nodeId: 'big',
        counts: [
          ['skipped', 1],
          ['dry-run', 2],
        ],
      },
      {
        nodeId: 'small',
        counts: [
          ['dry-run', 1],
          ['skipped', 2],
        ],
      },
    ]);
  });

  it('keeps the rows of a run stopped inside a loop (no loop entry yet) at the end, in order', () => {
    const rows = nestTrace([
      { nodeId: 't', kind: 'trigger', state: 'triggered' },
      { nodeId: 'check', kind: 'condition', state: 'passed', branch: 'true', path: [0], key: 'check#0' },
    ]);

    expect(rows.map((r) => [r.entry.nodeId, r.items])).toEqual([
      ['t', undefined],
      ['check', undefined],
    ]);
  });
});
