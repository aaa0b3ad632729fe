import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';

import { useIsAdmin } from '../../../auth/auth-store';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { formatDateTime } from '../../../components/format';
import { Empty, QueryState } from '../../../components/states';
import { trpc } from '../../../trpc/client';
import { errorMessage } from '../../../trpc/errors';
import { SecretCreateForm, SecretValueForm } from './secret-forms';

type TFlowRef = { id: string; name: string };

function UsedBy({ flows }: { flows: TFlowRef[] }) {
  if (flows.length === 0) return <span className="muted">no flow</span>;

  return (
    <>
      {flows.map((f, i) => (
        <span key={f.id}>
          {i > 0 && ', '}
          <Link to="/flows/$flowId" params={{ flowId: f.id }}>
            {f.name}
          </Link>
        </span>
      ))}
    </>
  );
}

/** The server's refusal, said before asking: a secret in use cannot be deleted (the server refuses too, should the list be stale). */
const inUseMessage = (name: string, flows: TFlowRef[]) =>
  `Secret "${name}" is used by ${flows.length} flow(s): ${flows.map((f) => `"${f.name}"`).join(', ')}. Remove $secret("${name}") from them first.`;

const byWhom = (by: string | null) => (by ? ` by ${by.startsWith('key:') ? 'a service key' : by}` : '');

function SecretsTable() {
  const queryClient = useQueryClient();
  const query = useQuery(trpc.secrets.list.queryOptions());
  const [notice, setNotice] = useState<string | null>(null);
  const [rotating, setRotating] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: trpc.secrets.list.queryKey() });
  const done = (message: string) => {
    setNotice(message);
    setBlocked(null);
    invalidate();
  };
  const create = useMutation(
    trpc.secrets.create.mutationOptions({ onSuccess: (s) => done(`Secret "${s.name}" saved. Its value is never shown again.`) }),
  );
  const update = useMutation(
    trpc.secrets.update.mutationOptions({
      onSuccess: (s) => {
        setRotating(null);
        done(`Secret "${s.name}" has a new value: the next request sent uses it.`);
      },
    }),
  );
  const remove = useMutation(trpc.secrets.delete.mutationOptions({ onSuccess: () => done('Secret deleted.') }));
  const failure =
    blocked ?? (create.error || update.error || remove.error ? errorMessage(create.error ?? update.error ?? remove.error) : null);
  const askDelete = (s: { id: string; name: string; usedBy: TFlowRef[] }) => {
    if (s.usedBy.length > 0) {
      setBlocked(inUseMessage(s.name, s.usedBy));

      return;
    }
    setBlocked(null);
    setDeleting({ id: s.id, name: s.name });
  };

  return (
    <>
      {notice && !failure && (
        <p role="status" className="small">
          {notice}
        </p>
      )}
      {failure && (
        <p role="alert" className="error-text">
          {failure}
        </p>
      )}
      <QueryState query={query} what="Secrets" procedure="secrets.list">
        {(secrets) =>
          secrets.length === 0 ? (
            <Empty>No secret yet. Create one below, then use it in an action field as $secret("name").</Empty>
          ) : (
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Description</th>
                  <th scope="col">Used by</th>
                  <th scope="col">Created</th>
                  <th scope="col">Updated</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {secrets.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <code>{s.name}</code>
                    </th>
                    <td>{s.description ?? <span className="muted">none</span>}</td>
                    <td>
                      <UsedBy flows={s.usedBy} />
                    </td>
                    <td>
                      {formatDateTime(s.createdAt)}
                      {byWhom(s.createdBy)}
                    </td>
                    <td>
                      {formatDateTime(s.updatedAt)}
                      {byWhom(s.updatedBy)}
                    </td>
                    <td>
                      {rotating === s.id ? (
                        <SecretValueForm
                          name={s.name}
                          pending={update.isPending}
                          onSave={(value) => update.mutate({ id: s.id, data: { value } })}
                          onCancel={() => setRotating(null)}
                        />
                      ) : (
                        <button type="button" className="button small" onClick={() => setRotating(s.id)}>
                          New value for {s.name}
                        </button>
                      )}{' '}
                      <button type="button" className="button small danger" onClick={() => askDelete(s)}>
                        Delete {s.name}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      <SecretCreateForm pending={create.isPending} onCreate={(secret) => create.mutate(secret)} />
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete secret ${deleting?.name ?? ''}?`}
        confirmLabel="Delete secret"
        danger
        onConfirm={() => {
          if (deleting) remove.mutate({ id: deleting.id });
          setDeleting(null);
        }}
        onCancel={() => setDeleting(null)}
      >
        A secret that a flow uses cannot be deleted: remove it from those flows first. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}

export function SecretsSection() {
  const isAdmin = useIsAdmin();

  return (
    <section aria-labelledby="secrets-title">
      <h2 id="secrets-title">Secrets</h2>
      <p className="muted">
        API keys, tokens and webhook URLs your flows send. Write <code>$secret("name")</code> in any field of an HTTP or Clockify action
        (URL, headers, body, parameters), e.g. <code>"Bearer " &amp; $secret("api-key")</code>. The value is stored encrypted, put into the
        request only when it is sent, and shown as <code>••••</code> everywhere else; nobody can read it back.
      </p>
      {isAdmin ? <SecretsTable /> : <p className="muted">Only workspace admins can see and manage secrets.</p>}
    </section>
  );
}
