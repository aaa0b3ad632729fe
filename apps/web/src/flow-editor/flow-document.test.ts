import { describe, expect, it } from 'vitest';

import { createNode, editorReducer, EMPTY_DEFINITION, nextNodeId, positionForNew, type TEditorState } from './flow-document';

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
    expect(s.definition.nodes[1]?.position).toEqual({ x: 0, y: 140 });
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
