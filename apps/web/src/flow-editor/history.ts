/**
 * An undo/redo history over any reducer. Every change the wrapped reducer makes is one step, except
 * that changes sharing a group key within GROUP_WINDOW_MS of each other (typing in one field, one
 * drag) merge into the step they continue. Changes marked `record: false` (a save's reload) replace
 * the present without adding a step, and keep the steps before it.
 */
export type THistory<TState> = {
  past: TState[];
  present: TState;
  future: TState[];
  /** The group of the last recorded step and when it last grew: a change of the same group within the window joins it. */
  last: { group: string; at: number } | null;
};

export type THistoryAction<TAction> =
  { type: 'do'; action: TAction; at: number; group?: string; record?: boolean } | { type: 'undo' } | { type: 'redo' };

export const GROUP_WINDOW_MS = 1500;
/** Steps kept; the oldest are dropped beyond it. */
export const HISTORY_LIMIT = 200;

export function startHistory<TState>(present: TState): THistory<TState> {
  return { past: [], present, future: [], last: null };
}

function doAction<TState, TAction>(
  history: THistory<TState>,
  next: TState,
  { at, group, record = true }: Extract<THistoryAction<TAction>, { type: 'do' }>,
): THistory<TState> {
  if (next === history.present) return history;
  if (!record) return { ...history, present: next, future: [], last: null };
  const joins = group !== undefined && history.last?.group === group && at - history.last.at <= GROUP_WINDOW_MS;
  const past = joins ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);

  return { past, present: next, future: [], last: group === undefined ? null : { group, at } };
}

export function withHistory<TState, TAction>(reducer: (state: TState, action: TAction) => TState) {
  return (history: THistory<TState>, action: THistoryAction<TAction>): THistory<TState> => {
    switch (action.type) {
      case 'do':
        return doAction(history, reducer(history.present, action.action), action);
      case 'undo': {
        const previous = history.past.at(-1);
        if (previous === undefined) return history;

        return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], last: null };
      }
      case 'redo': {
        const next = history.future[0];
        if (next === undefined) return history;

        return { past: [...history.past, history.present], present: next, future: history.future.slice(1), last: null };
      }
    }
  };
}
