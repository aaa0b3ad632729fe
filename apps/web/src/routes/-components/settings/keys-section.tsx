import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { useIsAdmin } from '../../../auth/auth-store';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { formatDateTime } from '../../../components/format';
import { Empty, QueryState } from '../../../components/states';
import { trpc } from '../../../trpc/client';
import { errorMessage } from '../../../trpc/errors';
import { KeyCreateForm } from './key-create-form';
import { SecretOnce } from './secret-once';

type TKeyRow = { id: string; name: string; state: 'active' | 'revoked' | 'expired'; revokedAt: number | null; expiresAt: number | null };

function KeyState({ k, onRevoke }: { k: TKeyRow; onRevoke: () => void }) {
  if (k.state === 'revoked') return <span className="badge badge-muted">revoked {formatDateTime(k.revokedAt)}</span>;

  return (
    <>
      {k.state === 'expired' && <span className="badge badge-muted">expired {formatDateTime(k.expiresAt)}</span>}{' '}
      <button type="button" className="button small danger" onClick={onRevoke}>
        Revoke {k.name}
      </button>
    </>
  );
}

function KeysTable() {
  const queryClient = useQueryClient();
  const query = useQuery(trpc.keys.list.queryOptions());
  const [created, setCreated] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: trpc.keys.list.queryKey() });
  const create = useMutation(
    trpc.keys.create.mutationOptions({
      onSuccess: (k) => {
        setCreated(k.key);
        invalidate();
      },
    }),
  );
  const revoke = useMutation(trpc.keys.revoke.mutationOptions({ onSuccess: invalidate }));

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
                  <th scope="col">Scope</th>
                  <th scope="col">Created</th>
                  <th scope="col">Expires</th>
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
                    <td>
                      {k.scope}
                      {k.parentKeyId && (
                        <span className="muted small"> (minted by {keys.find((p) => p.id === k.parentKeyId)?.name ?? 'a key'})</span>
                      )}
                    </td>
                    <td>{formatDateTime(k.createdAt)}</td>
                    <td>{k.expiresAt === null ? 'never' : formatDateTime(k.expiresAt)}</td>
                    <td>{k.lastUsedAt === null ? 'never' : formatDateTime(k.lastUsedAt)}</td>
                    <td>
                      <KeyState k={k} onRevoke={() => setRevoking({ id: k.id, name: k.name })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      <KeyCreateForm pending={create.isPending} onCreate={(key) => create.mutate(key)} />
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
        Services using this key, and every key it minted, are refused at once. This cannot be undone.
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
        Other services call this add-on's typed API with <code>Authorization: Bearer &lt;key&gt;</code>. Each key acts in this workspace
        only, with its scope: <code>read</code>, <code>write</code> or <code>admin</code>. A key can mint keys only with its scope or less
        and no longer life, and revoking a key revokes the keys it minted.
      </p>
      {isAdmin ? <KeysTable /> : <p className="muted">Only workspace admins can see and manage service keys.</p>}
    </section>
  );
}
