import { useState, type FormEvent } from 'react';

import { EMPTY_SOURCE_FORM, toSourceInput, VERIFICATIONS, type TSourceCreateInput, type TSourceForm } from './source-input';

type TProps = { onCreate: (input: TSourceCreateInput) => void; isPending: boolean };

export function SourceCreateForm({ onCreate, isPending }: TProps) {
  const [f, setF] = useState<TSourceForm>(EMPTY_SOURCE_FORM);
  const set = (key: keyof TSourceForm) => (e: { target: { value: string } }) => setF((prev) => ({ ...prev, [key]: e.target.value }));
  const help = VERIFICATIONS.find((v) => v.kind === f.kind)?.help;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onCreate(toSourceInput(f));
  };

  return (
    <form className="stack-form" onSubmit={submit} aria-label="New custom source">
      <label>
        Source name
        <input required value={f.name} onChange={set('name')} maxLength={128} placeholder="e.g. GitHub deployments" />
      </label>
      <label>
        Verification
        <select value={f.kind} onChange={set('kind')} aria-describedby="verification-help">
          {VERIFICATIONS.map((v) => (
            <option key={v.kind} value={v.kind}>
              {v.label}
            </option>
          ))}
        </select>
      </label>
      <p id="verification-help" className="muted small">
        {help}
      </p>
      {f.kind === 'hmac' && (
        <div className="row-fields">
          <label>
            Signature header
            <input required value={f.header} onChange={set('header')} pattern="[A-Za-z0-9\-]{1,64}" />
          </label>
          <label>
            Encoding
            <select value={f.encoding} onChange={set('encoding')}>
              <option value="hex">hex</option>
              <option value="base64">base64</option>
            </select>
          </label>
          <label>
            Prefix (optional)
            <input value={f.prefix} onChange={set('prefix')} placeholder="sha256=" maxLength={32} />
          </label>
        </div>
      )}
      {f.kind === 'stripe' && (
        <label>
          Timestamp tolerance (seconds)
          <input type="number" min={30} max={3600} value={f.toleranceSeconds} onChange={set('toleranceSeconds')} />
        </label>
      )}
      {f.kind !== 'none' && (
        <label>
          Secret (optional: leave empty to have one generated)
          <input value={f.secret} onChange={set('secret')} minLength={8} maxLength={512} autoComplete="off" spellCheck={false} />
        </label>
      )}
      <details>
        <summary>Advanced</summary>
        <div className="row-fields">
          <label>
            Delivery id header
            <input value={f.idHeader} onChange={set('idHeader')} placeholder="X-Request-Id" />
          </label>
          <label>
            Event type header
            <input value={f.eventTypeHeader} onChange={set('eventTypeHeader')} placeholder="X-GitHub-Event" />
          </label>
          <label>
            Rate limit (per minute)
            <input type="number" min={1} max={100000} value={f.ratePerMinute} onChange={set('ratePerMinute')} />
          </label>
        </div>
      </details>
      <button type="submit" className="button primary" disabled={isPending}>
        {isPending ? 'Creating…' : 'Create source'}
      </button>
    </form>
  );
}
