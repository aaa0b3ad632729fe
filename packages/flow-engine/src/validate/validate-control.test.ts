import { describe, expect, it } from 'vitest';

import { validateFlow } from './validate-flow';

const at = { x: 0, y: 0 };
const trigger = (data: object = { source: 'custom', sourceId: 's' }) => ({ id: 't', kind: 'trigger', position: at, data });
const node = (id: string, kind: string, data: object) => ({ id, kind, position: at, data });
const http = (id: string) => node(id, 'http', { method: 'POST', url: '"https://example.com"' });
const edge = (source: string, target: string, branch?: string) => ({
  id: `${source}-${target}`,
  source,
  target,
  ...(branch ? { branch } : {}),
});
const issues = (nodes: object[], edges: object[]) => validateFlow({ nodes, edges }).map((i) => [i.code, i.nodeId, i.edgeId ?? i.field]);

describe('validateFlow: branches', () => {
  it('accepts every kind with its branches', () => {
    const nodes = [
      trigger(),
      node('c', 'condition', { expression: 'payload.a' }),
      node('s', 'switch', { cases: [{ id: 'x', expression: 'true' }] }),
      node('l', 'forEach', { items: 'payload.list' }),
      node('v', 'set', { values: { n: '$item' } }),
      node('w', 'wait', { seconds: '60' }),
      http('h1'),
      http('h2'),
    ];
    const edges = [edge('t', 'c'), edge('c', 's', 'true'), edge('c', 'h1', 'false'), edge('s', 'l', 'x'), edge('s', 'h1', 'default')];
    edges.push(edge('l', 'v', 'body'), edge('l', 'w', 'done'), edge('w', 'h2'));
    expect(validateFlow({ nodes, edges })).toEqual([]);
  });

  it('names each bad branch: false out of an action, a missing or unknown case, a loop edge without body/done', () => {
    const nodes = [
      trigger(),
      http('h'),
      node('s', 'switch', { cases: [{ id: 'x', expression: 'true' }] }),
      node('l', 'forEach', { items: '[]' }),
      http('a'),
      http('b'),
      http('c'),
      http('d'),
    ];
    const edges = [
      edge('t', 'h'),
      edge('h', 's', 'false'),
      edge('s', 'a'),
      edge('s', 'b', 'y'),
      edge('s', 'l', 'x'),
      edge('l', 'c', 'body'),
      edge('l', 'd', 'later'),
    ];
    expect(issues(nodes, edges)).toEqual([
      ['BRANCH_INVALID', 'h', 'h-s'],
      ['BRANCH_MISSING', 's', 's-a'],
      ['UNKNOWN_CASE', 's', 's-b'],
      ['BRANCH_INVALID', 'l', 'l-d'],
    ]);
  });

  it('a condition edge is "true" or "false" only', () => {
    expect(issues([trigger(), node('c', 'condition', { expression: '1' }), http('h')], [edge('t', 'c'), edge('c', 'h', 'maybe')])).toEqual([
      ['BRANCH_INVALID', 'c', 'c-h'],
    ]);
  });
});

describe('validateFlow: loops', () => {
  it('a done edge without a body', () => {
    expect(issues([trigger(), node('l', 'forEach', { items: '[]' }), http('h')], [edge('t', 'l'), edge('l', 'h', 'done')])).toEqual([
      ['LOOP_WITHOUT_BODY', 'l', undefined],
    ]);
  });

  it('a body node also reached from outside the loop (a join with the outside, or a done edge into the body)', () => {
    const nodes = [trigger(), node('l', 'forEach', { items: '[]' }), http('in'), http('join'), http('side')];
    const edges = [edge('t', 'l'), edge('l', 'in', 'body'), edge('in', 'join'), edge('t', 'side'), edge('side', 'join')];
    expect(issues(nodes, edges)).toEqual([['LOOP_BODY_ESCAPES', 'join', 'side-join']]);
    const done = [edge('t', 'l'), edge('l', 'in', 'body'), edge('in', 'join'), edge('l', 'join', 'done')];
    expect(issues(nodes.slice(0, 4), done)).toEqual([['LOOP_BODY_ESCAPES', 'join', 'l-join']]);
  });

  it('a body that loops back is a cycle', () => {
    const nodes = [trigger(), node('l', 'forEach', { items: '[]' }), http('in')];
    const codes = issues(nodes, [edge('t', 'l'), edge('l', 'in', 'body'), edge('in', 'l')]).map(([code]) => code);
    expect(codes).toContain('CYCLE');
  });

  it('maxItems over the cap', () => {
    const nodes = [trigger(), node('l', 'forEach', { items: '[]', maxItems: 10_001 }), http('h')];
    expect(issues(nodes, [edge('t', 'l'), edge('l', 'h', 'body')])).toEqual([['LOOP_MAX_ITEMS', 'l', 'data.maxItems']]);
  });
});

describe('validateFlow: node rules', () => {
  const single = (n: object) => issues([trigger(), n], [edge('t', (n as { id: string }).id)]);

  it('switch without cases, duplicate case ids', () => {
    expect(single(node('s', 'switch', { cases: [] }))).toEqual([['SWITCH_WITHOUT_CASES', 's', 'data.cases']]);
    const twice = {
      cases: [
        { id: 'a', expression: '1' },
        { id: 'a', expression: '2' },
      ],
    };
    expect(single(node('s', 'switch', twice))).toEqual([['DUPLICATE_CASE', 's', 'data.cases.1.id']]);
  });

  it('set with no values; wait with neither or both of seconds/until', () => {
    expect(single(node('v', 'set', { values: {} }))).toEqual([['SET_WITHOUT_VALUES', 'v', 'data.values']]);
    expect(single(node('w', 'wait', {}))).toEqual([['WAIT_INVALID', 'w', 'data']]);
    expect(single(node('w', 'wait', { seconds: '1', until: '"2030-01-01T00:00:00Z"' }))).toEqual([['WAIT_INVALID', 'w', 'data']]);
  });

  it('checks the expressions of the new kinds', () => {
    expect(single(node('s', 'switch', { cases: [{ id: 'a', expression: 'payload.(' }] })).map(([code, , field]) => [code, field])).toEqual([
      ['EXPRESSION_SYNTAX', 'data.cases.0.expression'],
    ]);
    expect(single(node('w', 'wait', { until: '$nope()' })).map(([code]) => code)).toEqual(['UNKNOWN_FUNCTION']);
  });

  it('schedules: a cron is required, must parse, must fire; the time zone must exist', () => {
    const schedule = (data: object) => issues([trigger({ source: 'schedule', ...data })], []);
    expect(schedule({ cron: '0 9 * * 1', timezone: 'Europe/Berlin' })).toEqual([]);
    expect(schedule({})).toEqual([['SCHEDULE_WITHOUT_CRON', 't', 'data.cron']]);
    expect(schedule({ cron: '0 9 * *' })).toEqual([['CRON_INVALID', 't', 'data.cron']]);
    expect(schedule({ cron: '0 0 31 2 *' })).toEqual([['CRON_NEVER_FIRES', 't', 'data.cron']]);
    expect(schedule({ cron: '0 9 * * 1', timezone: 'Europe/Nowhere' })).toEqual([['TIMEZONE_INVALID', 't', 'data.timezone']]);
  });

  it('internal triggers take only known events; manual triggers take nothing', () => {
    expect(issues([trigger({ source: 'internal', events: ['EXECUTION_FAILED', 'EXECUTION_EXPLODED'] })], [])).toEqual([
      ['UNKNOWN_INTERNAL_EVENT', 't', 'data.events.1'],
    ]);
    expect(issues([trigger({ source: 'manual' })], [])).toEqual([]);
  });
});
