import type { TCompletion } from './completions';
import type { TCompletionState } from './use-completion';

type TCompletionListProps = { id: string; label: string; state: TCompletionState; onTake: (option: TCompletion) => void };

/** The candidates under an expression field; the editor keeps focus (arrows move, Enter or Tab takes). */
export function CompletionList({ id, label, state, onTake }: TCompletionListProps) {
  if (!state) return <div id={id} hidden />;

  return (
    <ul id={id} role="listbox" aria-label={`Completions for ${label}`} className="completion-list">
      {state.range.options.map((o, i) => (
        <li
          key={o.label}
          role="option"
          aria-selected={i === state.active}
          className={i === state.active ? 'active' : undefined}
          // Taken on mouse down so the editor does not lose its cursor first.
          onMouseDown={(e) => {
            e.preventDefault();
            onTake(o);
          }}
        >
          <code>{o.label}</code> <span className="muted small">{o.detail}</span>
        </li>
      ))}
    </ul>
  );
}
