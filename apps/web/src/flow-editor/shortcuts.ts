type TKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** How the undo shortcut is written on this machine: ⌘Z on a Mac, Ctrl+Z elsewhere. */
export const UNDO_KEYS = IS_MAC ? '⌘Z' : 'Ctrl+Z';
export const REDO_KEYS = IS_MAC ? '⇧⌘Z' : 'Ctrl+Shift+Z';

const mod = (e: TKey) => (e.ctrlKey || e.metaKey) && !e.altKey;

/** Ctrl+Z or Cmd+Z, without Shift. */
export function isUndoKey(e: TKey): boolean {
  return mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z';
}

/** Shift+Ctrl/Cmd+Z, or Ctrl+Y. */
export function isRedoKey(e: TKey): boolean {
  return mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || (!e.shiftKey && e.key.toLowerCase() === 'y'));
}
