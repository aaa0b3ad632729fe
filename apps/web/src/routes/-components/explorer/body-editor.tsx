import { useState } from 'react';

import { isFieldset, pruneValue, SchemaForm, type TFormValue, type TJsonSchema } from '../../../components/schema-form';

type TBodyEditorProps = {
  schema: TJsonSchema;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Path and query values: a path's projectId narrows a body's task picker. */
  scope: TFormValue;
  showMissing: boolean;
};

const asText = (value: unknown) => (value === undefined ? '' : JSON.stringify(pruneValue(value), null, 2));

/** The request body, as a form from its schema or as JSON text (for shapes a form renders poorly). Starts empty. */
export function BodyEditor({ schema, value, onChange, scope, showMissing }: TBodyEditorProps) {
  const formable = isFieldset(schema);
  const [mode, setMode] = useState<'form' | 'json'>(formable ? 'form' : 'json');
  const [text, setText] = useState(() => asText(value));
  const [parseError, setParseError] = useState<string | null>(null);
  const switchTo = (next: 'form' | 'json') => {
    if (next === 'json') setText(asText(value));
    setParseError(null);
    setMode(next);
  };
  const onText = (t: string) => {
    setText(t);
    if (t.trim() === '') {
      onChange(undefined);
      setParseError(null);

      return;
    }
    try {
      onChange(JSON.parse(t));
      setParseError(null);
    } catch (err) {
      setParseError((err as Error).message);
    }
  };

  return (
    <fieldset className="body-editor sf-group">
      <legend>Request body</legend>
      <div role="group" aria-label="Body editing mode" className="segmented">
        <button type="button" className="button small" aria-pressed={mode === 'form'} onClick={() => switchTo('form')} disabled={!formable}>
          Form
        </button>
        <button type="button" className="button small" aria-pressed={mode === 'json'} onClick={() => switchTo('json')}>
          JSON
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => {
            onChange(undefined);
            setText('');
          }}
        >
          Clear
        </button>
      </div>
      {mode === 'form' ? (
        <SchemaForm
          schema={schema}
          value={value as TFormValue | undefined}
          onChange={onChange}
          idPrefix="body"
          scope={scope}
          showMissing={showMissing}
        />
      ) : (
        <label className="block">
          Body (JSON)
          <textarea
            className="code-input"
            rows={10}
            value={text}
            placeholder="{ }"
            onChange={(e) => onText(e.target.value)}
            spellCheck={false}
            aria-invalid={parseError !== null}
          />
        </label>
      )}
      {parseError && (
        <p className="error-text" role="alert">
          Not valid JSON: {parseError}
        </p>
      )}
    </fieldset>
  );
}
