import type { TFlowDefinition, TFlowNode } from '@uw/flow-engine';

import { JsonViewer } from '../components/json-viewer/json-viewer';
import type { TFlowTestResult } from '../trpc/types';
import type { TNodeRun } from './run-status';

type TNodeRunDetailsProps = {
  node: TFlowNode;
  definition: TFlowDefinition;
  result: TFlowTestResult | undefined;
  run: TNodeRun | undefined;
  /** The event the run read as `payload`. */
  payload: unknown;
};

type TInput = { from: string; value: unknown };

/** What flowed into the node: the event for the trigger and for nodes right after it, else the outputs of the nodes before it. */
function inputsOf({ node, definition, result, payload }: TNodeRunDetailsProps): TInput[] {
  if (node.kind === 'trigger') return [{ from: 'the test event (payload)', value: payload }];
  const steps = result?.outcome.steps ?? {};

  return definition.edges
    .filter((e) => e.target === node.id)
    .flatMap((e) => {
      const source = definition.nodes.find((n) => n.id === e.source);
      if (!source) return [];
      if (source.kind === 'trigger') return [{ from: 'the test event (payload)', value: payload }];
      const name = `steps.${source.id}${source.label ? ` (${source.label})` : ''}`;

      return source.id in steps ? [{ from: name, value: steps[source.id] }] : [];
    });
}

/** The selected node in the last test run: its badge, what came in, what it would send and what it gave. */
export function NodeRunDetails(props: TNodeRunDetailsProps) {
  const { node, result, run } = props;
  if (!result || !run) return null;
  const { outcome } = result;
  const inputs = inputsOf(props);
  const output = (outcome.steps as Record<string, unknown>)[node.id];
  const requests = outcome.status === 'succeeded' ? (outcome.dryRunRequests ?? []).filter((r) => r.nodeId === node.id) : [];
  const error = (outcome.status === 'failed' || outcome.status === 'retry') && outcome.nodeId === node.id ? outcome.error : null;

  return (
    <section className="node-run" aria-labelledby="node-run-title">
      <h3 id="node-run-title">
        In the last test run <span className={`badge badge-${run.tone}`}>{run.text}</span>
      </h3>
      {run.stale && <p className="muted small">The flow has changed since: run the test again to see it as it is now.</p>}
      {error && (
        <p className="error-text" role="alert">
          {error.code}: {error.message}
        </p>
      )}
      <h4>Input</h4>
      {inputs.length === 0 ? (
        <p className="muted small">Nothing from the nodes before it in this run.</p>
      ) : (
        inputs.map((i) => (
          <div key={i.from}>
            <p className="muted small">From {i.from}</p>
            <JsonViewer value={i.value} label={`input of ${node.id} from ${i.from}`} initialDepth={1} />
          </div>
        ))
      )}
      {requests.length > 0 && (
        <>
          <h4>Would send</h4>
          {requests.map((r, n) => (
            <JsonViewer key={r.key ?? n} value={r.request} label={`request of ${r.key ?? node.id}`} initialDepth={1} />
          ))}
        </>
      )}
      <h4>Output</h4>
      {output === undefined ? (
        <p className="muted small">
          {run.text === 'not run' ? 'Not reached.' : 'No output kept at the top level (a node inside a loop runs once per item).'}
        </p>
      ) : (
        <JsonViewer value={output} label={`output of ${node.id}`} initialDepth={1} />
      )}
    </section>
  );
}
