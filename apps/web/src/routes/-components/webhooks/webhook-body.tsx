import { JsonViewer } from '../../../components/json-viewer/json-viewer';
import type { TWebhookDetail } from '../../../trpc/types';

const FORMAT_NAMES: [RegExp, string][] = [
  [/x-www-form-urlencoded/, 'form fields'],
  [/xml/, 'XML'],
  [/^text\/plain/, 'plain text'],
];

function formatOf(contentType: string): string {
  return FORMAT_NAMES.find(([re]) => re.test(contentType))?.[1] ?? contentType;
}

/**
 * The stored body: JSON as the payload flows read; a form, text or XML body as its parsed view (what flows read
 * as `payload`) followed by the text as received.
 */
export function WebhookBody({ webhook: w }: { webhook: TWebhookDetail }) {
  const parsed = w.rawBody !== null || (w.contentType !== null && !/json/i.test(w.contentType));

  return (
    <section aria-labelledby="payload-title">
      <h2 id="payload-title">Payload</h2>
      {w.contentType && (
        <p className="muted">
          Sent as <code>{w.contentType}</code>
          {parsed && <>: flows read the {formatOf(w.contentType)} below as JSON.</>}
        </p>
      )}
      {w.redacted.length > 0 && <p className="muted">Redacted before storage: {w.redacted.join(', ')}</p>}
      <JsonViewer value={w.payload} label={parsed ? 'parsed payload' : 'payload'} />
      {w.rawBody !== null && (
        <details className="raw-body">
          <summary>Body as received</summary>
          <pre aria-label="body as received">{w.rawBody}</pre>
        </details>
      )}
      {parsed && w.rawBody === null && w.redacted.length > 0 && (
        <p className="muted">The body as received is not kept because fields were redacted from it.</p>
      )}
    </section>
  );
}
