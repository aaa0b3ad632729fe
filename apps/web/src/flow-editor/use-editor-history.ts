import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';

import { editorReducer, type TEditorAction, type TEditorState } from './flow-document';
import { startHistory, withHistory } from './history';
import { isRedoKey, isUndoKey } from './shortcuts';

const historyReducer = withHistory(editorReducer);

const fieldIds = new WeakMap<Element, number>();
let nextFieldId = 1;

/** A text field (input, textarea, CodeMirror's content) has focus: its typing groups into one step. */
function focusedFieldGroup(): string | undefined {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return undefined;
  const isText =
    el.isContentEditable ||
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(el.type));
  if (!isText) return undefined;
  let id = fieldIds.get(el);
  if (id === undefined) {
    id = nextFieldId++;
    fieldIds.set(el, id);
  }

  return `field:${id}`;
}

/** Dispatches an editor action; `group` (a drag, say) overrides the focused field's group. */
export type TEditorDispatch = (action: TEditorAction, group?: string) => void;

/**
 * The flow document (definition and name/description/enabled) with one undo/redo history for the
 * editor: graph edits and form edits alike. A save's reload (`load` with `dirty: false`) is no step.
 *
 * Keyboard, while the editor is open: Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo wherever the
 * focus is (outside dialogs), text fields included: the browser's (and CodeMirror's) own text undo never
 * runs, so there is one history, and typing in a field is one step of it, undone as a whole.
 */
type THistoryOptions = {
  enabled: boolean;
  /** Called after each undo or redo (by key or button). */
  onTravel?: () => void;
};

export function useEditorHistory(initial: TEditorState, { enabled, onTravel }: THistoryOptions) {
  const [history, send] = useReducer(historyReducer, initial, startHistory);
  const travelled = useRef(onTravel);
  travelled.current = onTravel;
  const dispatch = useCallback<TEditorDispatch>(
    (action, group) =>
      send({
        type: 'do',
        action,
        at: Date.now(),
        group: group ?? focusedFieldGroup(),
        record: !(action.type === 'load' && !action.dirty),
      }),
    [],
  );
  const travel = useCallback((type: 'undo' | 'redo') => {
    send({ type });
    travelled.current?.();
  }, []);
  const undo = useCallback(() => travel('undo'), [travel]);
  const redo = useCallback(() => travel('redo'), [travel]);

  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (e: KeyboardEvent) => {
      // A dialog over the editor (an import, a confirmation) keeps the browser's own undo.
      const inDialog = e.target instanceof Element && e.target.closest('dialog, [role="dialog"]') !== null;
      const undoing = isUndoKey(e);
      if (inDialog || (!undoing && !isRedoKey(e))) return;
      e.preventDefault();
      e.stopPropagation();
      travel(undoing ? 'undo' : 'redo');
    };
    // Capture phase: before CodeMirror's keymap or an input's own undo.
    window.addEventListener('keydown', onKey, true);

    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled, travel]);

  return useMemo(
    () => ({
      state: history.present,
      dispatch,
      undo,
      redo,
      canUndo: history.past.length > 0,
      canRedo: history.future.length > 0,
    }),
    [history, dispatch, undo, redo],
  );
}
