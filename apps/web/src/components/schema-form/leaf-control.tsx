import { useState } from 'react';

import { controlProps } from './control-props';
import { EntityPicker } from './entity-picker';
import { placeholderOf } from './schema-kind';
import type { TLeafField } from './types';

const NOT_SET = '';

/** Optional booleans have three states: not set (not sent), true, false. Required ones start not set too. */
function BooleanSelect({ field }: { field: TLeafField }) {
  const value = field.value === true ? 'true' : field.value === false ? 'false' : NOT_SET;
  const fallback = typeof field.schema.default === 'boolean' ? ` (Clockify's default: ${String(field.schema.default)})` : '';

  return (
    <select
      {...controlProps(field)}
      value={value}
      disabled={field.readOnly}
      onChange={(e) => field.onChange(e.target.value === NOT_SET ? undefined : e.target.value === 'true')}
    >
      <option value={NOT_SET}>{`Not set${fallback}`}</option>
      <option value="true">true</option>
      <option value="false">false</option>
    </select>
  );
}

function EnumSelect({ field }: { field: TLeafField }) {
  const options = field.schema.enum ?? [];
  const index = options.findIndex((o) => o === field.value);

  return (
    <select
      {...controlProps(field)}
      value={index < 0 ? NOT_SET : String(index)}
      disabled={field.readOnly}
      onChange={(e) => field.onChange(e.target.value === NOT_SET ? undefined : options[Number(e.target.value)])}
    >
      <option value={NOT_SET}>{field.required ? 'Choose…' : 'Not set'}</option>
      {options.map((o, i) => (
        <option key={String(o)} value={String(i)}>
          {String(o)}
        </option>
      ))}
    </select>
  );
}

/** Numbers: empty is unset; text that is not a number is kept as typed (the request check names it). */
function NumberInput({ field }: { field: TLeafField }) {
  const value = typeof field.value === 'number' ? String(field.value) : typeof field.value === 'string' ? field.value : '';
  const fallback = typeof field.schema.default === 'number' ? `default ${field.schema.default}` : placeholderOf(field.schema);

  return (
    <input
      {...controlProps(field)}
      inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'}
      value={value}
      placeholder={fallback}
      readOnly={field.readOnly}
      onChange={(e) => {
        const text = e.target.value.trim();
        field.onChange(text === '' ? undefined : Number.isNaN(Number(text)) ? text : Number(text));
      }}
    />
  );
}

/** Shapes the form does not break down: JSON text, parsed as it is typed (kept unset while empty or invalid). */
function JsonInput({ field }: { field: TLeafField }) {
  const [text, setText] = useState(() => (field.value === undefined ? '' : JSON.stringify(field.value, null, 2)));
  const [invalid, setInvalid] = useState(false);

  return (
    <>
      <textarea
        {...controlProps(field, invalid)}
        className="code-input"
        rows={3}
        value={text}
        placeholder={placeholderOf(field.schema) ?? 'JSON'}
        readOnly={field.readOnly}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setInvalid(false);
            field.onChange(undefined);

            return;
          }
          try {
            field.onChange(JSON.parse(e.target.value));
            setInvalid(false);
          } catch {
            setInvalid(true);
          }
        }}
      />
      {invalid && <span className="error-text small">Not valid JSON yet: not sent.</span>}
    </>
  );
}

/** The form's own control for a leaf. */
export function LeafControl({ field }: { field: TLeafField }) {
  if (field.picker && field.kind === 'string') return <EntityPicker field={field} picker={field.picker} />;
  if (field.kind === 'boolean') return <BooleanSelect field={field} />;
  if (field.kind === 'enum') return <EnumSelect field={field} />;
  if (field.kind === 'number' || field.kind === 'integer') return <NumberInput field={field} />;
  if (field.kind === 'json') return <JsonInput field={field} />;

  return (
    <input
      {...controlProps(field)}
      value={typeof field.value === 'string' ? field.value : field.value === undefined ? '' : JSON.stringify(field.value)}
      placeholder={placeholderOf(field.schema)}
      readOnly={field.readOnly}
      maxLength={field.schema.maxLength}
      onChange={(e) => field.onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
}
