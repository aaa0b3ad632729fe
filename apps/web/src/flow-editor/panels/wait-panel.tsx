import type { TFlowIssue, TFlowWaitNode } from '@uw/flow-engine';

import { ExpressionField } from './expression-field';

type TWaitPanelProps = { node: TFlowWaitNode; onChange: (node: TFlowWaitNode) => void; issues: readonly TFlowIssue[] };

/** A wait takes seconds or a time to wait until, never both. */
export function WaitPanel({ node, onChange, issues }: TWaitPanelProps) {
  const mode = node.data.until !== undefined ? 'until' : 'seconds';
  const name = `wait-mode-${node.id}`;

  return (
    <>
      <fieldset className="choice-list">
        <legend>Wait</legend>
        <label>
          <input type="radio" name={name} checked={mode === 'seconds'} onChange={() => onChange({ ...node, data: { seconds: '60' } })} />{' '}
          for a number of seconds
        </label>
        <label>
          <input
            type="radio"
            name={name}
            checked={mode === 'until'}
            onChange={() => onChange({ ...node, data: { until: '$fromMillis($millis() + 3600000)' } })}
          />{' '}
          until a time
        </label>
      </fieldset>
      {mode === 'seconds' ? (
        <ExpressionField
          label="Seconds"
          hint="(a number: 3600 is an hour)"
          value={node.data.seconds ?? ''}
          onChange={(seconds) => onChange({ ...node, data: { seconds } })}
          issues={issues.filter((i) => i.field === 'data.seconds')}
        />
      ) : (
        <ExpressionField
          label="Until"
          hint="(an ISO-8601 time, e.g. payload.timeInterval.end)"
          value={node.data.until ?? ''}
          onChange={(until) => onChange({ ...node, data: { until } })}
          issues={issues.filter((i) => i.field === 'data.until')}
        />
      )}
      <p className="muted small">The run is parked in the database while it waits: it survives restarts and holds no worker.</p>
    </>
  );
}
