import { createEvaluator, type TEvaluator, type TFlowContext, type TStepOutput } from '@uw/flow-engine';

/** One evaluator for the editor, with the engine's budgets (no RE2 in the browser: JS regexes). */
let evaluator: TEvaluator | undefined;
export function editorEvaluator(): TEvaluator {
  evaluator ??= createEvaluator({ timeLimitMs: 250 });

  return evaluator;
}

export type TSampleEvent = {
  id: string;
  eventType: string;
  source: string;
  receivedAt: number;
  payload: unknown;
  headers: Record<string, string>;
};

/**
 * The context an execution's expressions see (`$`), built from a logged webhook the way the server
 * builds it; `steps` come from the last test run so `steps.<id>.body` can be tried too.
 */
export function buildContext(sample: TSampleEvent | null, workspaceId: string, steps: Record<string, TStepOutput> = {}): TFlowContext {
  return {
    event: sample
      ? { type: sample.eventType, source: sample.source, receivedAt: new Date(sample.receivedAt).toISOString(), id: sample.id }
      : { type: 'SAMPLE', source: 'sample', receivedAt: new Date(0).toISOString(), id: 'sample' },
    payload: sample?.payload ?? null,
    headers: sample?.headers ?? {},
    workspace: { id: workspaceId },
    steps,
  };
}

export type TEvalResult = { state: 'idle' } | { state: 'ok'; value: unknown } | { state: 'error'; message: string; position?: number };

/** Evaluates for display: a result, or the error (with the character position when JSONata gives one). */
export async function evaluateForDisplay(expression: string, context: TFlowContext): Promise<TEvalResult> {
  if (expression.trim() === '') return { state: 'idle' };
  const ev = editorEvaluator();
  const checked = ev.check(expression);
  if (!checked.ok) return { state: 'error', message: checked.message, position: checked.position };
  try {
    return { state: 'ok', value: await ev.evaluate(expression, context) };
  } catch (err) {
    const e = err as { message?: string; position?: number };

    return { state: 'error', message: e.message ?? String(err), position: e.position };
  }
}

/** A short one-line rendering of a value for the result line under an editor. */
export function previewValue(value: unknown, max = 300): string {
  if (value === undefined) return 'undefined (no match)';
  const text = JSON.stringify(value);

  return text.length > max ? `${text.slice(0, max)}…` : text;
}
