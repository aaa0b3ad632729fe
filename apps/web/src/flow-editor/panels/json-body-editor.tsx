import { useState } from 'react';

import type { TFlowIssue } from '@uw/flow-engine';

import { fromExpression, isHole, toExpression } from '../values/json-template';
import { ExpressionField } from './expression-field';
import { MappingEditor } from './mapping-editor';

type TJsonBodyEditorProps = {
  label: string;
  /** The body expression. */
  value: string;
  onChange: (value: string) => void;
  issues: readonly TFlowIssue[];
};

/** A flat JSON object whose values are literals or computed parts, as key → expression rows (else null). */
export function bodyRows(expression: string): Record<string, string> | null {
  const value = expression.trim() === '' ? {} : fromExpression(expression);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isHole(value)) return null;

  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toExpression(v)]));
}

/** Rows back into one object expression (each row's expression is a value of it). */
export function rowsBody(rows: Record<string, string>): string {
  const parts = Object.entries(rows).map(([k, expr]) => `${JSON.stringify(k)}: ${expr.trim() === '' ? '""' : expr.trim()}`);

  return parts.length === 0 ? '{}' : `{${parts.join(', ')}}`;
}

/** A JSON body built as key/value rows (each value fixed or mapped), or written raw as JSONata. */
export function JsonBodyEditor({ label, value, onChange, issues }: TJsonBodyEditorProps) {
  const rows = bodyRows(value);
  const [raw, setRaw] = useState(rows === null);

  if (raw || rows === null) {
    return (
      <>
        <ExpressionField
          label={label}
          hint="(JSONata producing the JSON body)"
          value={value}
          onChange={onChange}
          issues={issues.filter((i) => i.field === 'data.body')}
          minHeight="5em"
        />
        <button type="button" className="button small" disabled={rows === null} onClick={() => setRaw(false)}>
          Build the body as rows
        </button>
      </>
    );
  }

  return (
    <>
      <MappingEditor
        title={label}
        keyLabel="Body field name"
        value={rows}
        onChange={(next) => onChange(rowsBody(next))}
        issues={[]}
        fieldPrefix="data.body"
      />
      {issues
        .filter((i) => i.field === 'data.body')
        .map((i, n) => (
          <p key={n} className={i.severity === 'error' ? 'error-text small' : 'warning-text small'}>
            {i.message}
          </p>
        ))}
      <button type="button" className="button small" onClick={() => setRaw(true)}>
        Write the body as an expression
      </button>
    </>
  );
}
