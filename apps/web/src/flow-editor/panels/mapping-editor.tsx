import { useId, useState } from 'react';

import type { TFlowIssue } from '@uw/flow-engine';

import { ValueField } from '../values/value-field';

type TMappingEditorProps = {
  title: string;
  /** key → JSONata expression (shown as a fixed value when it is a literal) */
  value: Record<string, string>;
  onChange: (value: Record<string, string>) => void;
  issues: readonly TFlowIssue[];
  /** The field prefix of these entries in issues, e.g. `data.query`. */
  fieldPrefix: string;
  suggestions?: readonly { name: string; required?: boolean; description?: string }[];
  keyLabel?: string;
};

/** Edits a key → value mapping (HTTP headers, set values, JSON body rows): each value fixed or an expression. */
export function MappingEditor({ title, value, onChange, issues, fieldPrefix, suggestions = [], keyLabel = 'Name' }: TMappingEditorProps) {
  const [newKey, setNewKey] = useState('');
  const listId = useId();
  const entries = Object.entries(value);
  const add = (key: string) => {
    const k = key.trim();
    if (!k || k in value) return;
    onChange({ ...value, [k]: '""' });
    setNewKey('');
  };
  const remove = (key: string) => onChange(Object.fromEntries(entries.filter(([k]) => k !== key)));
  const missingRequired = suggestions.filter((s) => s.required && !(s.name in value));

  return (
    <fieldset className="mapping-editor">
      <legend>{title}</legend>
      {entries.length === 0 && <p className="muted small">None.</p>}
      {entries.map(([key, expr]) => (
        <div key={key} className="mapping-row">
          <ValueField
            label={key}
            hint={suggestions.find((s) => s.name === key)?.description}
            value={expr}
            onChange={(v) => onChange({ ...value, [key]: v })}
            issues={issues.filter((i) => i.field === `${fieldPrefix}.${key}`)}
          />
          <button type="button" className="button small" onClick={() => remove(key)}>
            Remove {key}
          </button>
        </div>
      ))}
      {missingRequired.length > 0 && (
        <p className="small">
          Required:{' '}
          {missingRequired.map((s) => (
            <button key={s.name} type="button" className="button small" onClick={() => add(s.name)}>
              Add {s.name}
            </button>
          ))}
        </p>
      )}
      <div className="inline-form">
        <label>
          {keyLabel}
          <input
            list={listId}
            value={newKey}
            onChange={(e) => setNewKey(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add(newKey))}
          />
        </label>
        <datalist id={listId}>
          {suggestions
            .filter((s) => !(s.name in value))
            .map((s) => (
              <option key={s.name} value={s.name}>
                {s.description}
              </option>
            ))}
        </datalist>
        <button type="button" className="button small" onClick={() => add(newKey)} disabled={!newKey.trim()}>
          Add to {title.toLowerCase()}
        </button>
      </div>
    </fieldset>
  );
}
