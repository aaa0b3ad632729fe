import CodeMirror, { EditorView, type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';

import type { TFlowIssue } from '@uw/flow-engine';

import { useDataContext } from '../data-panel/data-context';
import { pathDropTarget } from '../data-panel/data-tree';
import { useEditorContext } from '../editor-context';
import { evaluateForDisplay, previewValue, type TEvalResult } from '../evaluation';
import { CompletionList } from '../values/completion-list';
import { missingPaths } from '../values/paths';
import { useCompletion } from '../values/use-completion';
import { FieldIssues } from './field-issues';

type TExpressionFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Issues of this field (matched by `field`). */
  issues?: readonly TFlowIssue[];
  hint?: string;
  minHeight?: string;
  /** Shown beside the label (e.g. the switch back to a fixed value). */
  actions?: ReactNode;
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

/**
 * A JSONata editor (CodeMirror) that evaluates live against the sample with the engine's evaluator, completes
 * `payload.`, `steps.<id>.`, `$item` and functions, warns about paths the sample lacks, and takes paths from
 * the data panel (click while it was the last focused field, or drop).
 */
export function ExpressionField({ label, value, onChange, issues = [], hint, minHeight = '2.2em', actions }: TExpressionFieldProps) {
  const labelId = useId();
  const resultId = useId();
  const listId = useId();
  const { evalContext, sampleLabel } = useEditorContext();
  const data = useDataContext();
  const available = data?.available ?? null;
  const editor = useRef<ReactCodeMirrorRef>(null);
  const completion = useCompletion(available);
  const [result, setResult] = useState<TEvalResult>({ state: 'idle' });
  const extensions = useMemo(
    () => [
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-labelledby': labelId, 'aria-describedby': resultId, 'aria-controls': listId }),
      completion.extension,
    ],
    [labelId, resultId, listId, completion.extension],
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
  // Stable handlers: CodeMirror reconfigures (and resets a selection being made) whenever they change.
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const change = useCallback((next: string) => onChangeRef.current(next), []);
  const warnings = useMemo(() => (available ? missingPaths(value, available.data, available.known) : []), [value, available]);

  const insert = (path: string) => {
    const view = editor.current?.view;
    if (!view) return onChange(value ? `${value} & ${path}` : path);
    view.dispatch(view.state.replaceSelection(path));
    view.focus();
  };
  const insertRef = useRef(insert);
  insertRef.current = insert;
  const drop = pathDropTarget((path) => insertRef.current(path));
  const register = () => data?.setTarget({ label, insert: (path) => insertRef.current(path) });

  return (
    <div
      className="expression-field"
      onFocusCapture={register}
      onDragOver={drop.onDragOver}
      // Capture: before CodeMirror's own drop handling.
      onDropCapture={drop.onDrop}
    >
      <span id={labelId} className="field-label">
        {label}
      </span>
      {hint && <span className="muted small"> {hint}</span>}
      {actions}
      <CodeMirror
        ref={editor}
        className="expression-editor"
        value={value}
        onChange={change}
        onUpdate={completion.onUpdate}
        basicSetup={SETUP}
        indentWithTab={false}
        extensions={extensions}
        minHeight={minHeight}
        theme="light"
      />
      <CompletionList
        id={listId}
        label={label}
        state={completion.state}
        onTake={(option) => editor.current?.view && completion.take(editor.current.view, option)}
      />
      <output id={resultId} className="expression-result" aria-live="polite">
        <ResultLine result={result} sampleLabel={sampleLabel} />
      </output>
      {warnings.map((w) => (
        <p key={w.path} className="warning-text small" role="note">
          {w.message}
        </p>
      ))}
      <FieldIssues issues={issues} />
    </div>
  );
}
