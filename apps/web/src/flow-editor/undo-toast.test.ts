import { describe, expect, it } from 'vitest';

import { isRedoKey, isUndoKey } from './shortcuts';
import { deletionMessage } from './undo-toast';

describe('deletionMessage', () => {
  it('names one node by its label (the trigger as such) and counts connections', () => {
    expect(deletionMessage([{ id: 'trigger', label: 'When', kind: 'trigger' }], 1)).toBe('Deleted “When” (the trigger) and 1 connection');
    expect(deletionMessage([{ id: 'http_1', kind: 'http' }], 0)).toBe('Deleted “http_1”');
    expect(
      deletionMessage(
        [
          { id: 'a', kind: 'set' },
          { id: 'b', kind: 'set' },
        ],
        3,
      ),
    ).toBe('Deleted 2 nodes and 3 connections');
    expect(deletionMessage([], 2)).toBe('Deleted 2 connections');
  });
});

describe('undo and redo keys', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });

  it('undoes on Ctrl+Z or Cmd+Z, redoes on Shift+Ctrl/Cmd+Z or Ctrl+Y, and leaves other keys alone', () => {
    expect([key('z', { ctrlKey: true }), key('z', { metaKey: true })].map(isUndoKey)).toEqual([true, true]);
    expect(
      [key('Z', { ctrlKey: true, shiftKey: true }), key('z', { metaKey: true, shiftKey: true }), key('y', { ctrlKey: true })].map(
        isRedoKey,
      ),
    ).toEqual([true, true, true]);
    expect([key('z'), key('z', { ctrlKey: true, altKey: true }), key('Z', { ctrlKey: true, shiftKey: true })].map(isUndoKey)).toEqual([
      false,
      false,
      false,
    ]);
    expect(isRedoKey(key('z', { ctrlKey: true }))).toBe(false);
  });
});
