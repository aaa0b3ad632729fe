import { useEffect, useId, useMemo, useRef, useState } from 'react';

import type { TFlowConditionNode, TFlowIssue } from '@uw/flow-engine';

import { useDataContext } from '../data-panel/data-context';
import { pathDropTarget } from '../data-panel/data-tree';
import { useEditorContext } from '../editor-context';
import { evaluateForDisplay, previewValue, type TEvalResult } from '../evaluation';
import {
  buildCondition,
  OPERATORS,
  parseCondition,
  type TCondition,
  type TConditionOperator,
  type TConditionRule,
} from '../values/condition-rules';
import { keysOf, typeOf, valueAt } from '../values/paths';
import { ExpressionField } from './expression-field';
import { FieldIssues } from './field-issues';

type TConditionPanelProps = { node: TFlowConditionNode; onChange: (node: TFlowConditionNode) => void; issues: readonly TFlowIssue[] };

/** Every leaf path of the sample data (for the field picker's suggestions). */
function leafPaths(value: unknown, prefix: string, depth = 0): string[] {
  const keys = keysOf(value);
  if (keys.length === 0 || depth > 5) return [prefix];

  return keys.flatMap((k) => leafPaths(valueAt(value, [k]), `${prefix}.${k}`, depth + 1));
}

/** The typed value as the sample's type of the field suggests (numbers for numbers, true/false for booleans). */
function typedValue(text: string, sampleType: string, operator: TConditionOperator): TConditionRule['value'] {
  if (
    operator === 'hoursOver' ||
    operator === 'hoursUnder' ||
    (sampleType === 'number' && text.trim() !== '' && !Number.isNaN(Number(text)))
  ) {
    return text.trim() === '' ? '' : Number(text);
  }
  if (sampleType === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';

  return text;
}

function RuleRow({
  rule,
  index,
  onChange,
  onRemove,
  paths,
}: {
  rule: TConditionRule;
  index: number;
  onChange: (r: TConditionRule) => void;
  onRemove: () => void;
  paths: string;
}) {
  const data = useDataContext();
  const fieldId = useId();
  const n = index + 1;
  const sampleType = data ? typeOf(valueAt(data.available.data, rule.field.split('.'))) : 'string';
  const ref = useRef(rule);
  ref.current = rule;
  const setField = (field: string) => onChange({ ...ref.current, field });

  return (
    <div className="condition-rule" role="group" aria-label={`Rule ${n}`}>
      <label htmlFor={fieldId}>Field of rule {n}</label>
      <input
        id={fieldId}
        list={paths}
        value={rule.field}
        placeholder="Pick a field in the data panel"
        onFocus={() => data?.setTarget({ label: `the field of rule ${n}`, insert: setField })}
        onChange={(e) => setField(e.target.value)}
        {...pathDropTarget(setField)}
      />
      <label>
        Operator of rule {n}{' '}
        <select value={rule.operator} onChange={(e) => onChange({ ...rule, operator: e.target.value as TConditionOperator })}>
          {Object.entries(OPERATORS).map(([op, { label }]) => (
            <option key={op} value={op}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {OPERATORS[rule.operator].takesValue && (
        <label>
          Value of rule {n}{' '}
          <input
            value={String(rule.value)}
            inputMode={rule.operator.startsWith('hours') ? 'decimal' : undefined}
            onChange={(e) => onChange({ ...rule, value: typedValue(e.target.value, sampleType, rule.operator) })}
          />
        </label>
      )}
      <button type="button" className="button small" onClick={onRemove}>
        Remove rule {n}
      </button>
    </div>
  );
}

/**
 * A condition as rules (field from the data panel, operator, value), written as the JSONata the engine runs;
 * an expression the builder did not write is edited raw.
 */
export function ConditionPanel({ node, onChange, issues }: TConditionPanelProps) {
  const expression = node.data.expression;
  const parsed = useMemo(() => parseCondition(expression), [expression]);
  const [raw, setRaw] = useState(parsed === undefined);
  // Rules being written (no field yet) are not in the expression: kept here until they are.
  const [local, setLocal] = useState<TCondition>(parsed ?? { join: 'and', rules: [] });
  if (parsed && buildCondition(local) !== expression && JSON.stringify(parsed) !== JSON.stringify(local)) setLocal(parsed);
  const { evalContext, sampleLabel } = useEditorContext();
  const [result, setResult] = useState<TEvalResult>({ state: 'idle' });
  useEffect(() => {
    let cancelled = false;
    void evaluateForDisplay(expression, evalContext).then((r) => !cancelled && setResult(r));

    return () => {
      cancelled = true;
    };
  }, [expression, evalContext]);
  const data = useDataContext();
  const pathsId = useId();
  const set = (next: string) => onChange({ ...node, data: { expression: next } });
  const fieldIssues = issues.filter((i) => i.field === 'data.expression');

  if (raw || !parsed) {
    return (
      <>
        <ExpressionField
          label="Condition"
          hint="(true → the edges from its true handle run, otherwise those from false)"
          value={expression}
          onChange={set}
          issues={fieldIssues}
          minHeight="4em"
        />
        <button type="button" className="button small" onClick={() => setRaw(false)} disabled={!parsed}>
          Edit as rules
        </button>
        {!parsed && <p className="muted small">This expression is not one the rule builder writes: edit it here.</p>}
      </>
    );
  }
  const condition = local;
  const update = (next: TCondition) => {
    setLocal(next);
    set(buildCondition(next));
  };
  const rules = condition.rules;
  const suggestions = data
    ? [
        ...leafPaths(data.available.data.payload, 'payload'),
        ...data.available.stepIds.flatMap((id) => leafPaths(valueAt(data.available.data, ['steps', id]), `steps.${id}`)),
      ]
    : [];

  return (
    <fieldset className="condition-builder">
      <legend>Condition</legend>
      <p className="muted small">True → the edges from its true handle run, otherwise those from false.</p>
      <datalist id={pathsId}>
        {suggestions.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      {rules.length > 1 && (
        <label>
          Pass when{' '}
          <select value={condition.join} onChange={(e) => update({ ...condition, join: e.target.value as 'and' | 'or' })}>
            <option value="and">all rules hold</option>
            <option value="or">any rule holds</option>
          </select>
        </label>
      )}
      {rules.length === 0 && <p className="muted small">No rules: the condition always passes.</p>}
      {rules.map((rule, i) => (
        <RuleRow
          key={i}
          rule={rule}
          index={i}
          paths={pathsId}
          onChange={(r) => update({ ...condition, rules: rules.map((x, j) => (j === i ? r : x)) })}
          onRemove={() => update({ ...condition, rules: rules.filter((_, j) => j !== i) })}
        />
      ))}
      <button
        type="button"
        className="button small"
        onClick={() => update({ ...condition, rules: [...rules, { field: '', operator: 'eq', value: '' }] })}
      >
        Add a rule
      </button>{' '}
      <button type="button" className="button small" onClick={() => setRaw(true)}>
        Edit as expression
      </button>
      <output className="expression-result small" aria-live="polite">
        {result.state === 'ok' && (
          <span>
            <span className="muted">{sampleLabel ? `Result for ${sampleLabel}: ` : 'Result (no test event chosen): '}</span>
            <code className="result-value">{previewValue(result.value)}</code>
          </span>
        )}
        {result.state === 'error' && <span className="error-text">Error: {result.message}</span>}
      </output>
      <FieldIssues issues={fieldIssues} />
    </fieldset>
  );
}
