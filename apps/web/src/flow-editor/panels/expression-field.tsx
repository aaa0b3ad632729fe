import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useEffect, useId, useMemo, useState } from 'react';

import type { TFlowIssue } from '@uw/flow-engine';

import { useEditorContext } from '../editor-context';
import { evaluateForDisplay, previewValue, type TEvalResult } from '../evaluation';

type TExpressionFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Issues of this field (matched by `field`). */
  issues?: readonly TFlowIssue[];
  hint?: string;
  minHeight?: string;
};

const SETUP = {
  lineNumbers: false,
  foldGutter: false,
  highlightActiveLine: false,
  highlightActiveLineGutter: false,
  autocompletion: false,
} as const;

function ResultLine({ result, sampleLabel }: { result: TEvalResult; sampleLabel: string | null }) {
  if (result.state === 'idle') return <span className="muted">Type an expression to see its result.</span>;
  if (result.state === 'error') {
    return (
      <span className="error-text">
        Error{result.position !== undefined ? ` at character ${result.position}` : ''}: {result.message}
      </span>
    );
  }

  return (
    <span>
      <span className="muted">{sampleLabel ? `Result for ${sampleLabel}: ` : 'Result (no test event chosen): '}</span>
      <code className="result-value">{previewValue(result.value)}</code>
    </span>
  );
}

/** A JSONata editor (CodeMirror) that evaluates live against the chosen test event with the engine's evaluator. */
export function ExpressionField({ label, value, onChange, issues = [], hint, minHeight = '2.2em' }: TExpressionFieldProps) {
  const labelId = useId();
  const resultId = useId();
  const { evalContext, sampleLabel } = useEditorContext();
  const [result, setResult] = useState<TEvalResult>({ state: 'idle' });
  const extensions = useMemo(
    () => [EditorView.lineWrapping, EditorView.contentAttributes.of({ 'aria-labelledby': labelId, 'aria-describedby': resultId })],
    [labelId, resultId],
  );
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      void evaluateForDisplay(value, evalContext).then((r) => {
        if (!cancelled) setResult(r);
      });
    }, 250);

    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [value, evalContext]);

  return (
    <div className="expression-field">
      <span id={labelId} className="field-label">
        {label}
      </span>
      {hint && <span className="muted small"> {hint}</span>}
      <CodeMirror
        className="expression-editor"
        value={value}
        onChange={onChange}
        basicSetup={SETUP}
        indentWithTab={false}
        extensions={extensions}
        minHeight={minHeight}
        theme="light"
      />
      <output id={resultId} className="expression-result" aria-live="polite">
        <ResultLine result={result} sampleLabel={sampleLabel} />
      </output>
      {issues.map((i, n) => (
        <p key={n} className={i.severity === 'error' ? 'error-text small' : 'warning-text small'}>
          {i.message}
        </p>
      ))}
    </div>
  );
}
