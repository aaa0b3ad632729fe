import type { TFlowNodeKind } from '@uw/flow-engine';

const ITEMS: { kind: Exclude<TFlowNodeKind, 'trigger'>; label: string; help: string }[] = [
  { kind: 'condition', label: 'Condition', help: 'a true and a false branch, by a JSONata expression' },
  { kind: 'switch', label: 'Switch', help: 'one branch per case (the first true one), else default' },
  { kind: 'forEach', label: 'For each', help: 'run the body branch once per item of a list, then the done branch' },
  { kind: 'set', label: 'Set values', help: 'compute named values once, read later as steps.<id>.<name>' },
  { kind: 'wait', label: 'Wait', help: 'pause the run for some seconds or until a time' },
  { kind: 'clockify', label: 'Clockify action', help: 'call any Clockify API operation' },
  { kind: 'http', label: 'HTTP action', help: 'call any HTTP endpoint' },
];

type TPaletteProps = { onAdd: (kind: TFlowNodeKind) => void; hasTrigger: boolean; anchorLabel: string | null };

/** Adds a node below (and connected to) the selected node, or at the bottom when nothing is selected. */
export function Palette({ onAdd, hasTrigger, anchorLabel }: TPaletteProps) {
  return (
    <div className="palette" role="group" aria-label="Add a node">
      <span className="muted small">Add {anchorLabel ? `after “${anchorLabel}”` : 'a node'}:</span>
      {!hasTrigger && (
        <button type="button" className="button small" onClick={() => onAdd('trigger')} title="the event that starts the flow">
          + Trigger
        </button>
      )}
      {ITEMS.map((item) => (
        <button key={item.kind} type="button" className="button small" onClick={() => onAdd(item.kind)} title={item.help}>
          + {item.label}
        </button>
      ))}
    </div>
  );
}
