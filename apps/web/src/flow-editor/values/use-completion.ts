import { keymap, Prec, type EditorView, type ViewUpdate } from '@uiw/react-codemirror';
import { useCallback, useMemo, useRef, useState } from 'react';

import type { TAvailableData } from '../data-panel/data-context';
import { completionsAt, type TCompletion, type TCompletions } from './completions';

export type TCompletionState = { range: TCompletions; active: number } | null;

/**
 * The completion list under an expression editor: candidates at the cursor while the editor has focus,
 * ArrowUp/ArrowDown to move, Enter or Tab to take one, Escape to close.
 */
export function useCompletion(available: TAvailableData | null) {
  const [state, setState] = useState<TCompletionState>(null);
  const stateRef = useRef<TCompletionState>(null);
  stateRef.current = state;
  const availableRef = useRef(available);
  availableRef.current = available;

  const take = (view: EditorView, option: TCompletion) => {
    const current = stateRef.current;
    if (!current) return;
    const { from, to } = current.range;
    view.dispatch({ changes: { from, to, insert: option.insert }, selection: { anchor: from + option.insert.length } });
    setState(null);
  };

  const extension = useMemo(
    () =>
      Prec.highest(
        keymap.of([
          {
            key: 'ArrowDown',
            run: () => {
              const s = stateRef.current;
              if (!s) return false;
              setState({ ...s, active: (s.active + 1) % s.range.options.length });

              return true;
            },
          },
          {
            key: 'ArrowUp',
            run: () => {
              const s = stateRef.current;
              if (!s) return false;
              setState({ ...s, active: (s.active - 1 + s.range.options.length) % s.range.options.length });

              return true;
            },
          },
          ...['Enter', 'Tab'].map((key) => ({
            key,
            run: (view: EditorView) => {
              const s = stateRef.current;
              const option = s?.range.options[s.active];
              if (!option) return false;
              take(view, option);

              return true;
            },
          })),
          {
            key: 'Escape',
            run: () => {
              if (!stateRef.current) return false;
              setState(null);

              return true;
            },
          },
        ]),
      ),
    // Reads the latest state through refs.
    [],
  );

  const onUpdate = useCallback((update: ViewUpdate) => {
    if (!update.docChanged && !update.selectionSet && !update.focusChanged) return;
    const data = availableRef.current;
    if (!data || !update.view.hasFocus) {
      if (stateRef.current) setState(null);

      return;
    }
    const head = update.state.selection.main.head;
    const range = update.docChanged || update.selectionSet ? completionsAt(update.state.doc.toString(), head, data) : null;
    setState(range ? { range, active: 0 } : null);
  }, []);

  return { state, extension, onUpdate, take, close: () => setState(null) };
}
