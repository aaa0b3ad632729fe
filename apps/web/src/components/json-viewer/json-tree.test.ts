import { describe, expect, it } from 'vitest';

import {
  allContainerPaths,
  childEntries,
  expandedToDepth,
  formatPrimitive,
  kindOf,
  pathToString,
  summarize,
  togglePath,
} from './json-tree';

const doc = { project: { name: 'Acme', tags: ['a', 'b'] }, 'odd key': [{ x: 1 }], n: null, ok: true };

describe('json-tree helpers', () => {
  it('classifies values', () => {
    expect([{}, [], 'a', 1, true, null, undefined].map(kindOf)).toEqual([
      'object',
      'array',
      'string',
      'number',
      'boolean',
      'null',
      'undefined',
    ]);
  });

  it('lists children of objects and arrays in order, none for primitives', () => {
    expect(childEntries(doc.project)).toEqual([
      ['name', 'Acme'],
      ['tags', ['a', 'b']],
    ]);
    expect(childEntries(['x', 'y'])).toEqual([
      [0, 'x'],
      [1, 'y'],
    ]);
    expect(childEntries('text')).toEqual([]);
  });

  it('summarizes containers with counts and primitives as JSON', () => {
    expect(summarize({ a: 1 })).toBe('{1 key}');
    expect(summarize({ a: 1, b: 2 })).toBe('{2 keys}');
    expect(summarize([1])).toBe('[1 item]');
    expect(summarize([])).toBe('[0 items]');
    expect(summarize('hi')).toBe('"hi"');
    expect(formatPrimitive(null)).toBe('null');
  });

  it('writes paths JSONata-style, quoting keys that are not identifiers', () => {
    expect(pathToString([])).toBe('$');
    expect(pathToString(['project', 'tags', 1])).toBe('$.project.tags[1]');
    expect(pathToString(['odd key', 0, 'x'])).toBe('$["odd key"][0].x');
  });

  it('expands containers down to a depth', () => {
    expect([...expandedToDepth(doc, 0)]).toEqual(['$']);
    expect([...expandedToDepth(doc, 1)].sort()).toEqual(['$', '$.project', '$["odd key"]'].sort());
    expect(expandedToDepth('leaf', 3).size).toBe(0);
  });

  it('expands everything, bounded by a limit', () => {
    expect([...allContainerPaths(doc)].sort()).toEqual(['$', '$.project', '$.project.tags', '$["odd key"]', '$["odd key"][0]'].sort());
    const big = Array.from({ length: 100 }, () => ({ a: {} }));

    expect(allContainerPaths(big, 10).size).toBe(10);
  });

  it('toggles a path without mutating the previous set', () => {
    const before = new Set(['$']);
    const after = togglePath(before, '$.project');

    expect([...after]).toEqual(['$', '$.project']);
    expect([...before]).toEqual(['$']);
    expect([...togglePath(after, '$')]).toEqual(['$.project']);
  });
});
