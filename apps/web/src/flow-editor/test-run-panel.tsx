import { JsonViewer } from '../components/json-viewer/json-viewer';
import { StatusBadge } from '../components/status-badge';
import type { TFlowTestResult } from '../trpc/types';
import { TraceList } from './trace-list';

type TOutcome = TFlowTestResult['outcome'];

function OutcomeError({ outcome }: { outcome: TOutcome }) {
  if (outcome.status === 'succeeded' || outcome.status === 'filtered' || outcome.status === 'parked') return null;
  const e = outcome.error;

  return (
    <p className="error-text" role="alert">
      {outcome.nodeId && (
        <>
          Node <code>{outcome.nodeId}</code>
          {e.field && (
            <>
              , field <code>{e.field}</code>
            </>
          )}
          :{' '}
        </>
      )}
      {e.code}: {e.message}
    </p>
  );
}

/** The result of a dry run: every node's fate and the requests that would have been sent. */
export function TestRunPanel({ result }: { result: TFlowTestResult }) {
  const { outcome } = result;
  const requests = outcome.status === 'succeeded' || outcome.status === 'filtered' ? (outcome.dryRunRequests ?? []) : [];

  return (
    <section className="test-run" aria-labelledby="test-run-title">
      <h2 id="test-run-title">
        Test run <StatusBadge status={outcome.status} />
      </h2>
      <p className="muted small">A dry run: conditions and mappings were evaluated for real, nothing was sent.</p>
      <OutcomeError outcome={outcome} />
      {outcome.status === 'filtered' && <p className="muted">Its conditions stop this event: no action would run.</p>}
      {outcome.status === 'parked' && (
        <p className="muted">
          The run would wait at <code>{outcome.nodeId}</code> until {outcome.until}.
        </p>
      )}
      <h3>Nodes</h3>
      <TraceList trace={outcome.trace} />
      <h3>Requests it would send</h3>
      {requests.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ol className="would-be-requests">
          {requests.map((r) => (
            <li key={r.key ?? r.nodeId}>
              <p>
                <code>{r.key ?? r.nodeId}</code> ·{' '}
                {r.kind === 'http' && 'method' in r.request
                  ? `${r.request.method} ${r.request.url}`
                  : 'operationId' in r.request
                    ? r.request.operationId
                    : r.kind}
              </p>
              <JsonViewer value={r.request} label={`request of ${r.key ?? r.nodeId}`} initialDepth={1} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
