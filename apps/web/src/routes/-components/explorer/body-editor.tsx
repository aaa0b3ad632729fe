import type { RJSFSchema } from '@rjsf/utils';
import { useState } from 'react';

import { SchemaForm } from './schema-form';

type TBodyEditorProps = { schema: RJSFSchema; example: unknown; value: unknown; onChange: (value: unknown) => void };

const hasProperties = (s: RJSFSchema) => Boolean(s.properties && Object.keys(s.properties).length > 0);

/** The request body, as a generated form or as JSON text (for shapes a form renders poorly). */
export function BodyEditor({ schema, example, value, onChange }: TBodyEditorProps) {
  const [mode, setMode] = useState<'form' | 'json'>(hasProperties(schema) ? 'form' : 'json');
  const [text, setText] = useState(() => JSON.stringify(value ?? example ?? {}, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  const switchTo = (next: 'form' | 'json') => {
    if (next === 'json') setText(JSON.stringify(value ?? {}, null, 2));
    setMode(next);
  };
  const onText = (t: string) => {
    setText(t);
    try {
      onChange(JSON.parse(t));
      setParseError(null);
    } catch (err) {
      setParseError((err as Error).message);
    }
  };

  return (
    <fieldset className="body-editor">
      <legend>Request body</legend>
      <div role="group" aria-label="Body editing mode" className="segmented">
        <button
          type="button"
          className="button small"
          aria-pressed={mode === 'form'}
          onClick={() => switchTo('form')}
          disabled={!hasProperties(schema)}
        >
          Form
        </button>
        <button type="button" className="button small" aria-pressed={mode === 'json'} onClick={() => switchTo('json')}>
          JSON
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => {
            onChange(example);
            setText(JSON.stringify(example ?? {}, null, 2));
          }}
        >
          Reset to example
        </button>
      </div>
      {mode === 'form' ? (
        <SchemaForm schema={schema} value={value} onChange={onChange} idPrefix="body" />
      ) : (
        <label className="block">
          Body (JSON)
          <textarea
            className="code-input"
            rows={14}
            value={text}
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
