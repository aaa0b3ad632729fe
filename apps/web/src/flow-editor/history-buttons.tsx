import { REDO_KEYS, UNDO_KEYS } from './shortcuts';

type THistoryButtonsProps = { canUndo: boolean; canRedo: boolean; onUndo: () => void; onRedo: () => void };

/** Undo and Redo of the editor's one history (graph and form edits), with their shortcuts in the tooltip. */
export function HistoryButtons({ canUndo, canRedo, onUndo, onRedo }: THistoryButtonsProps) {
  return (
    <div className="history-buttons" role="group" aria-label="History">
      <button type="button" className="button small" onClick={onUndo} disabled={!canUndo} title={`Undo (${UNDO_KEYS})`}>
        ↶ Undo
      </button>
      <button type="button" className="button small" onClick={onRedo} disabled={!canRedo} title={`Redo (${REDO_KEYS})`}>
        ↷ Redo
      </button>
    </div>
  );
}
