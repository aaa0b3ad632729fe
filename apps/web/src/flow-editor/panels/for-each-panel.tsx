import { LOOP_MAX_ITEMS_CAP, LOOP_MAX_ITEMS_DEFAULT, type TFlowForEachNode, type TFlowIssue } from '@uw/flow-engine';

import { ExpressionField } from './expression-field';
import { FieldIssues } from './field-issues';

type TForEachPanelProps = { node: TFlowForEachNode; onChange: (node: TFlowForEachNode) => void; issues: readonly TFlowIssue[] };

/** The list to loop over and the most items a run may take from it. */
export function ForEachPanel({ node, onChange, issues }: TForEachPanelProps) {
  const set = (patch: Partial<TFlowForEachNode['data']>) => onChange({ ...node, data: { ...node.data, ...patch } });

  return (
    <>
      <ExpressionField
        label="Items"
        hint="(a list; the body's expressions read the current one as $item and its position as $index)"
        value={node.data.items}
        onChange={(items) => set({ items })}
        issues={issues.filter((i) => i.field === 'data.items')}
      />
      <label className="block">
        Most items per run (1–{LOOP_MAX_ITEMS_CAP.toLocaleString('en')})
        <input
          type="number"
          min={1}
          max={LOOP_MAX_ITEMS_CAP}
          step={1}
          value={node.data.maxItems}
          onChange={(e) => set({ maxItems: e.target.value === '' ? LOOP_MAX_ITEMS_DEFAULT : Math.trunc(Number(e.target.value)) })}
        />
      </label>
      <FieldIssues issues={issues.filter((i) => i.field === 'data.maxItems')} />
      <p className="muted small">
        Connect the nodes to run per item from the <strong>body</strong> handle and what runs afterwards from <strong>done</strong>.
        Afterwards <code>steps.{node.id}.results</code> holds, per item, the outputs of the body's last nodes by node id (
        <code>steps.{node.id}.results.*.size</code> reads a set node's <code>size</code> from every item).
      </p>
    </>
  );
}
