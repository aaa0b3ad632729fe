import { describe, expect, it } from 'vitest';

import { createNode, nextNodeId, positionForNew } from './create-node';
import { editorReducer, EMPTY_DEFINITION, type TEditorState } from './flow-document';

const start: TEditorState = { definition: EMPTY_DEFINITION, meta: { name: 'f', description: '', enabled: true }, dirty: false };

describe('editorReducer', () => {
  it('adds a node connected from the selected one, with identifier-safe ids', () => {
    const id = nextNodeId(start.definition, 'http');
    const s = editorReducer(start, {
      type: 'addNode',
      node: createNode('http', id, positionForNew(start.definition, 'trigger')),
      connectFrom: 'trigger',
    });

    expect(id).toBe('http_1');
    expect(s.definition.nodes.map((n) => n.id)).toEqual(['trigger', 'http_1']);
    expect(s.definition.edges).toEqual([{ id: 'e_trigger_http_1', source: 'trigger', target: 'http_1' }]);
    expect(s.definition.nodes[1]?.position).toEqual({ x: 320, y: 0 });
    expect(s.dirty).toBe(true);
    expect(nextNodeId(s.definition, 'http')).toBe('http_2');
  });

  it('removes a node with its edges, and ignores self or duplicate connections', () => {
    let s = editorReducer(start, {
      type: 'addNode',
      node: createNode('condition', 'condition_1', { x: 0, y: 140 }),
      connectFrom: 'trigger',
    });
    expect(editorReducer(s, { type: 'connect', source: 'trigger', target: 'condition_1' })).toBe(s);
    expect(editorReducer(s, { type: 'connect', source: 'condition_1', target: 'condition_1' })).toBe(s);
    s = editorReducer(s, { type: 'removeNode', id: 'condition_1' });

    expect(s.definition).toEqual(EMPTY_DEFINITION);
  });

  it('loads a saved definition as clean', () => {
    const dirty = editorReducer(start, { type: 'meta', patch: { name: 'x' } });

    expect(dirty.dirty).toBe(true);
    expect(editorReducer(dirty, { type: 'load', definition: EMPTY_DEFINITION, dirty: false })).toMatchObject({
      dirty: false,
      meta: { name: 'x' },
    });
  });
});

describe('branches in the editor', () => {
  const withCondition = editorReducer(start, {
    type: 'addNode',
    node: createNode('condition', 'condition_1', { x: 0, y: 140 }),
    connectFrom: 'trigger',
  });

  it('hangs nodes added after a condition from its free branches: true first, then false', () => {
    let s = withCondition;
    for (const id of ['set_1', 'set_2']) {
      s = editorReducer(s, {
        type: 'addNode',
        node: createNode('set', id, positionForNew(s.definition, 'condition_1')),
        connectFrom: 'condition_1',
      });
    }

    expect(s.definition.edges.filter((e) => e.source === 'condition_1').map((e) => [e.target, e.branch])).toEqual([
      ['set_1', 'true'],
      ['set_2', 'false'],
    ]);
    const [a, b] = s.definition.nodes.slice(2).map((n) => n.position);
    expect(a!.y).toBeLessThan(b!.y);
    expect(a!.x).toBe(b!.x);
  });

  it('sets the branch of a connection drawn from a handle, and tells branches apart when refusing duplicates', () => {
    let s = editorReducer(withCondition, { type: 'addNode', node: createNode('http', 'http_1', { x: 0, y: 280 }) });
    s = editorReducer(s, { type: 'connect', source: 'condition_1', target: 'http_1', branch: 'false' });
    expect(s.definition.edges.at(-1)).toEqual({ id: 'e_condition_1_http_1', source: 'condition_1', target: 'http_1', branch: 'false' });
    expect(editorReducer(s, { type: 'connect', source: 'condition_1', target: 'http_1', branch: 'false' })).toBe(s);
    // No handle named: a condition's edge without a branch is its true edge, a different one.
    const both = editorReducer(s, { type: 'connect', source: 'condition_1', target: 'http_1', branch: null });
    expect(both.definition.edges.at(-1)).toEqual({ id: 'e_condition_1_http_1_2', source: 'condition_1', target: 'http_1' });
  });

  it('keeps the edges of a switch case whose id is renamed, and of cases that are only reordered', () => {
    const sw = createNode('switch', 'switch_1', { x: 0, y: 140 });
    let s = editorReducer(start, { type: 'addNode', node: sw, connectFrom: 'trigger' });
    s = editorReducer(s, { type: 'addNode', node: createNode('set', 'set_1', { x: 0, y: 280 }), connectFrom: 'switch_1' });
    expect(s.definition.edges.at(-1)?.branch).toBe('case_1');
    if (sw.kind !== 'switch') throw new Error('a switch');
    const renamed = {
      ...sw,
      data: {
        cases: [
          { id: 'approved', expression: 'true' },
          { id: 'other', expression: 'false' },
        ],
      },
    };
    s = editorReducer(s, { type: 'updateNode', node: { ...sw, data: { cases: [{ id: 'approved', expression: 'true' }] } } });
    expect(s.definition.edges.at(-1)?.branch).toBe('approved');
    s = editorReducer(s, { type: 'updateNode', node: renamed });
    s = editorReducer(s, { type: 'updateNode', node: { ...renamed, data: { cases: [...renamed.data.cases].reverse() } } });
    expect(s.definition.edges.at(-1)?.branch).toBe('approved');
  });
});
