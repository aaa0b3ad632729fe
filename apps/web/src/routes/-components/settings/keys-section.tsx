import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

import { useIsAdmin } from '../../../auth/auth-store';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { formatDateTime } from '../../../components/format';
import { Empty, QueryState } from '../../../components/states';
import { trpc } from '../../../trpc/client';
import { errorMessage } from '../../../trpc/errors';
import { SecretOnce } from './secret-once';

function KeysTable() {
  const queryClient = useQueryClient();
  const query = useQuery(trpc.keys.list.queryOptions());
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: trpc.keys.list.queryKey() });
  const create = useMutation(
    trpc.keys.create.mutationOptions({
      onSuccess: (k) => {
        setCreated(k.key);
        setName('');
        invalidate();
      },
    }),
  );
  const revoke = useMutation(trpc.keys.revoke.mutationOptions({ onSuccess: invalidate }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name });
  };

  return (
    <>
      {created && <SecretOnce title="Service key created." secret={created} onDismiss={() => setCreated(null)} />}
      {(create.isError || revoke.isError) && (
        <p role="alert" className="error-text">
          {errorMessage(create.error ?? revoke.error)}
        </p>
      )}
      <QueryState query={query} what="Service keys" procedure="keys.list">
        {(keys) =>
          keys.length === 0 ? (
            <Empty>No service key yet.</Empty>
          ) : (
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key starts with</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.id}>
                    <th scope="row">{k.name}</th>
                    <td>
                      <code>{k.prefix}…</code>
                    </td>
                    <td>{formatDateTime(k.createdAt)}</td>
                    <td>{formatDateTime(k.lastUsedAt)}</td>
                    <td>
                      {k.revokedAt ? (
                        <span className="badge badge-muted">revoked {formatDateTime(k.revokedAt)}</span>
                      ) : (
                        <button type="button" className="button small danger" onClick={() => setRevoking({ id: k.id, name: k.name })}>
                          Revoke {k.name}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      <form className="inline-form" onSubmit={submit} aria-label="New service key">
        <label>
          Key name
          <input required maxLength={128} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. billing-service" />
        </label>
        <button type="submit" className="button primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create key'}
        </button>
      </form>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking?.name ?? ''}?`}
        confirmLabel="Revoke key"
        danger
        onConfirm={() => {
          if (revoking) revoke.mutate({ id: revoking.id });
          setRevoking(null);
        }}
        onCancel={() => setRevoking(null)}
      >
        Services using this key are refused at once. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}

export function KeysSection() {
  const isAdmin = useIsAdmin();

  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">Service keys</h2>
      <p className="muted">
        Other services call this add-on's typed API with <code>Authorization: Bearer &lt;key&gt;</code>. Each key is scoped to this
        workspace.
      </p>
      {isAdmin ? <KeysTable /> : <p className="muted">Only workspace admins can see and manage service keys.</p>}
    </section>
  );
}
