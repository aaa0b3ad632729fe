import { describe, expect, it } from 'vitest';

import { nodeRunStatuses } from './run-status';

describe('nodeRunStatuses', () => {
  it('names the state of each node as the canvas shows it, and marks the nodes the run never reached', () => {
    const runs = nodeRunStatuses(
      {
        status: 'succeeded',
        trace: [
          { nodeId: 'trigger', kind: 'trigger', state: 'triggered' },
          { nodeId: 'check', kind: 'condition', state: 'blocked', branch: 'false' },
          { nodeId: 'call', kind: 'http', state: 'dry-run' },
          { nodeId: 'route', kind: 'switch', state: 'switched', branch: 'big' },
          { nodeId: 'tail', kind: 'set', state: 'skipped' },
        ],
      },
      ['trigger', 'check', 'call', 'route', 'tail', 'orphan'],
    );

    expect(Object.fromEntries([...runs].map(([id, r]) => [id, [r.text, r.tone]]))).toEqual({
      trigger: ['triggered', 'ok'],
      check: ['blocked', 'warn'],
      call: ['would send', 'info'],
      route: ['→ big', 'ok'],
      tail: ['skipped', 'muted'],
      orphan: ['not run', 'muted'],
    });
  });

  it('counts per item for nodes inside a loop, and the loop says how many items it ran', () => {
    const runs = nodeRunStatuses(
      {
        status: 'succeeded',
        trace: [
          { nodeId: 'check', kind: 'condition', state: 'passed', branch: 'true', path: [0] },
          { nodeId: 'call', kind: 'http', state: 'dry-run', path: [0] },
          { nodeId: 'check', kind: 'condition', state: 'blocked', branch: 'false', path: [1] },
          { nodeId: 'check', kind: 'condition', state: 'passed', branch: 'true', path: [2] },
          { nodeId: 'call', kind: 'http', state: 'dry-run', path: [2] },
          { nodeId: 'loop', kind: 'forEach', state: 'looped', branch: 'done', items: 3 },
        ],
      },
      ['loop', 'check', 'call'],
    );

    expect(runs.get('loop')?.text).toBe('looped 3 items');
    expect(runs.get('check')).toMatchObject({ text: 'passed ×2 · blocked ×1', tone: 'warn' });
    expect(runs.get('call')?.text).toBe('would send ×2');
  });

  it('marks the node a failed run stopped at as failed', () => {
    const runs = nodeRunStatuses(
      { status: 'failed', nodeId: 'call', trace: [{ nodeId: 'trigger', kind: 'trigger', state: 'triggered' }] },
      ['trigger', 'call', 'after'],
    );

    expect(runs.get('call')).toMatchObject({ text: 'failed', tone: 'bad' });
    expect(runs.get('after')?.text).toBe('not run');
  });
});
