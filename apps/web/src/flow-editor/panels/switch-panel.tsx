import type { TFlowIssue, TFlowSwitchNode } from '@uw/flow-engine';

import { ExpressionField } from './expression-field';
import { FieldIssues } from './field-issues';

type TCase = TFlowSwitchNode['data']['cases'][number];
type TSwitchPanelProps = { node: TFlowSwitchNode; onChange: (node: TFlowSwitchNode) => void; issues: readonly TFlowIssue[] };

function freeCaseId(cases: readonly TCase[]): string {
  const taken = new Set(cases.map((c) => c.id));
  let i = cases.length + 1;
  while (taken.has(`case_${i}`)) i += 1;

  return `case_${i}`;
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);

  return next;
}

type TCaseRowProps = {
  entry: TCase;
  index: number;
  count: number;
  issues: readonly TFlowIssue[];
  onChange: (entry: TCase) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
};

function CaseRow({ entry, index, count, issues, onChange, onMove, onRemove }: TCaseRowProps) {
  const name = entry.label || entry.id;
  const at = (field: string) => issues.filter((i) => i.field === `data.cases.${index}.${field}`);

  return (
    <li className="case-row">
      <div className="inline-form">
        <label>
          Case id
          <input value={entry.id} maxLength={100} onChange={(e) => onChange({ ...entry, id: e.target.value })} spellCheck={false} />
        </label>
        <label>
          Label
          <input value={entry.label ?? ''} maxLength={200} onChange={(e) => onChange({ ...entry, label: e.target.value || undefined })} />
        </label>
      </div>
      <FieldIssues issues={at('id')} />
      <ExpressionField
        label={`When (${name})`}
        value={entry.expression}
        onChange={(expression) => onChange({ ...entry, expression })}
        issues={at('expression')}
      />
      <div className="row-actions">
        <button type="button" className="button small" disabled={index === 0} onClick={() => onMove(index - 1)}>
          Move {name} up
        </button>
        <button type="button" className="button small" disabled={index === count - 1} onClick={() => onMove(index + 1)}>
          Move {name} down
        </button>
        <button type="button" className="button small danger" onClick={onRemove}>
          Remove {name}
        </button>
      </div>
    </li>
  );
}

/** A switch's cases in order: the first whose expression is true picks its branch, none picks `default`. */
export function SwitchPanel({ node, onChange, issues }: TSwitchPanelProps) {
  const { cases } = node.data;
  const setCases = (next: TCase[]) => onChange({ ...node, data: { cases: next } });

  return (
    <fieldset className="case-list">
      <legend>Cases (the first true one wins; none → default)</legend>
      <FieldIssues issues={issues.filter((i) => i.field === 'data.cases')} />
      <ol>
        {cases.map((entry, index) => (
          <CaseRow
            key={index}
            entry={entry}
            index={index}
            count={cases.length}
            issues={issues}
            onChange={(c) => setCases(cases.map((old, i) => (i === index ? c : old)))}
            onMove={(to) => setCases(move(cases, index, to))}
            onRemove={() => setCases(cases.filter((_, i) => i !== index))}
          />
        ))}
      </ol>
      <button type="button" className="button small" onClick={() => setCases([...cases, { id: freeCaseId(cases), expression: 'true' }])}>
        Add a case
      </button>
    </fieldset>
  );
}
