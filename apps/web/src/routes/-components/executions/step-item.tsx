import { formatDateTime, formatDuration } from '../../../components/format';
import { JsonViewer } from '../../../components/json-viewer/json-viewer';
import { StatusBadge } from '../../../components/status-badge';
import type { TExecutionStep } from '../../../trpc/types';
import { executionErrorText } from './execution-error';

function Payload({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;

  return (
    <details className="step-payload">
      <summary>{label}</summary>
      <JsonViewer value={value} label={label} initialDepth={1} />
    </details>
  );
}

/** One entry of the execution timeline: a trigger, a condition, or one attempt of an action. */
export function StepItem({ step }: { step: TExecutionStep }) {
  return (
    <li className={`timeline-item timeline-${step.status}`}>
      <div className="timeline-head">
        <StatusBadge status={step.status} /> <strong>{step.kind}</strong>
        {step.nodeId && <code className="muted"> {step.nodeId}</code>}
        {step.attempt > 1 && <span className="badge badge-warn">attempt {step.attempt}</span>}
        <span className="muted small">
          {' '}
          {formatDateTime(step.createdAt)} · {formatDuration(step.latencyMs)}
        </span>
      </div>
      {step.error !== null && step.error !== undefined && <p className="error-text">{executionErrorText(step.error)}</p>}
      {step.idempotencyKey && (
        <p className="muted small">
          Idempotency key: <code>{step.idempotencyKey}</code>
        </p>
      )}
      <Payload label={`Request of step ${step.seq}`} value={step.request} />
      <Payload label={`Response of step ${step.seq}`} value={step.response} />
    </li>
  );
}
