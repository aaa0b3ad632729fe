import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';

import { formatDateTime } from '../components/format';
import { JsonViewer } from '../components/json-viewer/json-viewer';
import { Empty, Loading } from '../components/states';
import { trpc } from '../trpc/client';
import '../routes/-components/flows/flow-files.css';
import { errorMessage } from '../trpc/errors';
import type { TRouterOutputs } from '../trpc/types';

type TBacktest = TRouterOutputs['flows']['backtest'];

const LIMIT_MAX = 500;

function WebhookLink({ id }: { id: string }) {
  return (
    <Link to="/webhooks/$id" params={{ id }}>
      webhook {id.slice(-8)}
    </Link>
  );
}

function Counts({ result }: { result: TBacktest }) {
  return (
    <dl className="facts backtest-counts">
      <dt>Events replayed</dt>
      <dd>
        {result.evaluated} of the last {result.events} {result.trigger?.eventTypes.join(', ') || 'logged'} events
      </dd>
      <dt>Passed the conditions</dt>
      <dd data-count="passed">{result.passed}</dd>
      <dt>Would act</dt>
      <dd data-count="acted">
        {result.acted} ({result.requestCount} {result.requestCount === 1 ? 'request' : 'requests'})
      </dd>
      <dt>Evaluation errors</dt>
      <dd data-count="errors">{result.errors.length}</dd>
    </dl>
  );
}

function Results({ result }: { result: TBacktest }) {
  if (result.trigger === null) {
    return <Empty>This trigger has no logged events to replay: back-tests replay the webhooks this workspace received.</Empty>;
  }
  if (result.events === 0) {
    return (
      <Empty>
        No logged events of this type yet ({result.trigger.eventTypes.join(', ') || 'this webhook source'}). Back-tests replay the webhooks
        this workspace received.
      </Empty>
    );
  }

  return (
    <>
      {result.partial && (
        <p role="status" className="warning-text">
          Stopped after {Math.round(result.durationMs / 1000)} s: the counts cover the {result.evaluated} newest events.
        </p>
      )}
      <Counts result={result} />
      <h3>Requests it would send {result.requestCount > result.requests.length && `(first ${result.requests.length})`}</h3>
      {result.requests.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ol className="would-be-requests">
          {result.requests.map((r, i) => (
            <li key={`${r.webhookId}-${r.nodeId}-${i}`}>
              <p>
                <span className={`method method-${r.method.toLowerCase()}`}>{r.method}</span> <code className="break">{r.url}</code> · node{' '}
                <code>{r.nodeId}</code> · <WebhookLink id={r.webhookId} />
              </p>
              {r.headers && Object.keys(r.headers).length > 0 && <JsonViewer value={r.headers} label="Headers" initialDepth={1} />}
              {r.body !== undefined && <JsonViewer value={r.body} label="Body" initialDepth={1} />}
            </li>
          ))}
        </ol>
      )}
      <h3>Evaluation errors</h3>
      {result.errors.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="backtest-errors">
          {result.errors.map((e) => (
            <li key={e.webhookId}>
              <WebhookLink id={e.webhookId} /> ({e.eventType}, {formatDateTime(e.receivedAt)}):{' '}
              {e.nodeId && (
                <>
                  node <code>{e.nodeId}</code>
                  {e.field && (
                    <>
                      , <code>{e.field}</code>
                    </>
                  )}
                  :{' '}
                </>
              )}
              <span className="error-text">
                {e.code}: {e.message}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * "Back-test": the saved version dry-run over the last N logged events of its trigger (nothing is sent): how
 * many pass the conditions, how many would act, the first requests and every evaluation error with its webhook.
 */
export function BacktestPanel({ flowId, version }: { flowId: string; version: number }) {
  const [limit, setLimit] = useState(100);
  const [chosen, setChosen] = useState<number | null>(null);
  const tested = chosen ?? version;
  const backtest = useMutation(trpc.flows.backtest.mutationOptions());
  const valid = Number.isInteger(limit) && limit >= 1 && limit <= LIMIT_MAX;

  return (
    <section className="test-run backtest" aria-labelledby="backtest-title">
      <h2 id="backtest-title">Back-test</h2>
      <p className="muted small">
        Replays a saved version over the newest logged events of its trigger in this workspace: conditions and mappings run for real,
        nothing is sent. Save first to back-test unsaved changes.
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) backtest.mutate({ id: flowId, version: tested, limit });
        }}
      >
        <label>
          Version{' '}
          <select value={tested} onChange={(e) => setChosen(Number(e.target.value))}>
            {Array.from({ length: version }, (_, i) => version - i).map((v) => (
              <option key={v} value={v}>
                {v === version ? `${v} (current)` : v}
              </option>
            ))}
          </select>
        </label>
        <label>
          Events{' '}
          <input
            type="number"
            min={1}
            max={LIMIT_MAX}
            value={limit}
            onChange={(e) => setLimit(Number(e.target.value))}
            className="small-number"
          />
        </label>
        <button type="submit" className="button" disabled={!valid || backtest.isPending}>
          {backtest.isPending ? 'Back-testing…' : 'Back-test'}
        </button>
        {!valid && <span className="error-text small">between 1 and {LIMIT_MAX}</span>}
      </form>
      {backtest.isPending && <Loading label="Replaying logged events…" />}
      {backtest.error && (
        <p role="alert" className="error-text">
          {errorMessage(backtest.error)}
        </p>
      )}
      {backtest.data && !backtest.isPending && <Results result={backtest.data} />}
    </section>
  );
}
