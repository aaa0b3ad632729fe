import { useId, useRef, useState } from 'react';

import type { TFlowIssue } from '@uw/flow-engine';

import { useDataContext } from '../data-panel/data-context';
import { pathDropTarget } from '../data-panel/data-tree';
import { ExpressionField } from '../panels/expression-field';
import { FieldIssues } from '../panels/field-issues';
import { literalOf, toExpression } from './json-template';

type TValueFieldProps = {
  label: string;
  /** The stored JSONata expression (a literal is stored as its JSONata form: `"text"`). */
  value: string;
  onChange: (expression: string) => void;
  issues?: readonly TFlowIssue[];
  hint?: string;
  placeholder?: string;
};

/** Literal text as the expression stored for it (`""` when empty). */
export const textExpression = (text: string) => toExpression(text);

/** A literal after a path was inserted into it: the path alone, or the text joined with it. */
export function withPath(literal: string, path: string): string {
  return literal === '' ? path : `${toExpression(literal)} & ${path}`;
}

/**
 * A field that is a value first: typed text is stored as a JSONata string literal, no quoting needed. A switch
 * turns it into an expression (completion, live result); a field picked in the data panel turns it into one too.
 */
export function ValueField({ label, value, onChange, issues = [], hint, placeholder }: TValueFieldProps) {
  const id = useId();
  const data = useDataContext();
  const initial = literalOf(value);
  const [mode, setMode] = useState<'literal' | 'expression'>(value.trim() === '' || initial !== undefined ? 'literal' : 'expression');
  const literal = initial === undefined ? '' : String(initial);
  const literalRef = useRef(literal);
  literalRef.current = literal;
  // The data panel calls the latest version (the field's value and its onChange change as it is edited).
  const insertRef = useRef<(path: string) => void>(() => undefined);

  const toExpressionMode = (path?: string) => {
    setMode('expression');
    onChange(path ? withPath(literalRef.current, path) : value.trim() === '' ? '' : value);
  };
  insertRef.current = (path: string) => toExpressionMode(path);
  const toLiteralMode = () => {
    setMode('literal');
    if (literalOf(value) === undefined) onChange(textExpression(''));
  };

  if (mode === 'expression') {
    return (
      <ExpressionField
        label={label}
        hint={hint}
        value={value}
        onChange={onChange}
        issues={issues}
        actions={
          <button type="button" className="mode-switch" onClick={toLiteralMode} aria-label={`Use a fixed value for ${label}`}>
            Fixed
          </button>
        }
      />
    );
  }

  return (
    <div
      className="value-field"
      onFocusCapture={() => data?.setTarget({ label, insert: (path) => insertRef.current(path) })}
      {...pathDropTarget((path) => toExpressionMode(path))}
    >
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint && <span className="muted small"> {hint}</span>}
      <button type="button" className="mode-switch" onClick={() => toExpressionMode()} aria-label={`Use an expression for ${label}`}>
        fx
      </button>
      <input id={id} value={literal} placeholder={placeholder} onChange={(e) => onChange(textExpression(e.target.value))} />
      <FieldIssues issues={issues} />
    </div>
  );
}
