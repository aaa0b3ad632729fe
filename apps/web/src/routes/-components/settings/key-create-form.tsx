import { useState, type FormEvent } from 'react';

export type TKeyScope = 'read' | 'write' | 'admin';
export type TNewKey = { name: string; scope: TKeyScope; expiresAt?: number };

const DAY_MS = 86_400_000;
const SCOPES: readonly { value: TKeyScope; label: string }[] = [
  { value: 'read', label: 'read: flows, executions, webhook logs, the API catalogue' },
  { value: 'write', label: 'write: also change flows, replay webhooks, retry executions' },
  { value: 'admin', label: 'admin: also keys, sources and destructive Clockify calls' },
];
const LIFETIMES: readonly { days: number | null; label: string }[] = [
  { days: null, label: 'never' },
  { days: 1, label: 'in 1 day' },
  { days: 7, label: 'in 7 days' },
  { days: 30, label: 'in 30 days' },
  { days: 90, label: 'in 90 days' },
  { days: 365, label: 'in 1 year' },
];

/** Name, scope (narrowest by default) and lifetime of a new service key. */
export function KeyCreateForm({ pending, onCreate }: { pending: boolean; onCreate: (key: TNewKey) => void }) {
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TKeyScope>('read');
  const [days, setDays] = useState<number | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onCreate({ name, scope, ...(days === null ? {} : { expiresAt: Date.now() + days * DAY_MS }) });
    setName('');
  };

  return (
    <form className="inline-form" onSubmit={submit} aria-label="New service key">
      <label>
        Key name
        <input required maxLength={128} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. billing-service" />
      </label>
      <label>
        Scope
        <select value={scope} onChange={(e) => setScope(e.target.value as TKeyScope)}>
          {SCOPES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Expires
        <select value={days ?? ''} onChange={(e) => setDays(e.target.value === '' ? null : Number(e.target.value))}>
          {LIFETIMES.map((l) => (
            <option key={l.label} value={l.days ?? ''}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? 'Creating…' : 'Create key'}
      </button>
    </form>
  );
}
