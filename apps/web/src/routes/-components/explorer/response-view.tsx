import type { TExecuteResponse } from '../../../trpc/types';
import { CopyButton } from '../../../components/copy-button';
import { formatDuration } from '../../../components/format';
import { JsonViewer } from '../../../components/json-viewer/json-viewer';
import { HeadersTable } from '../headers-table';

export function ResponseView({ response }: { response: TExecuteResponse }) {
  const ok = response.status >= 200 && response.status < 300;

  return (
    <section className="response" aria-labelledby="response-title">
      <h2 id="response-title">Response</h2>
      <p>
        <span className={`badge ${ok ? 'badge-ok' : 'badge-bad'}`}>HTTP {response.status}</span> · {formatDuration(response.latencyMs)}
        {response.attempts > 1 && ` · ${response.attempts} attempts`}
      </p>
      <p className="muted small break">
        {response.method} {response.url}
      </p>
      <h3>Body</h3>
      {response.body === undefined || response.body === null || response.body === '' ? (
        <p className="muted">Empty body.</p>
      ) : (
        <JsonViewer value={response.body} label="response body" />
      )}
      <details>
        <summary>Headers</summary>
        <HeadersTable headers={response.headers} caption="Response headers" />
      </details>
      <details>
        <summary>This call as curl</summary>
        <pre className="code-block">{response.curl}</pre>
        <CopyButton text={response.curl} label="Copy this call as curl" />
      </details>
    </section>
  );
}
