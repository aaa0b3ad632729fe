import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { useIsAdmin } from '../../../auth/auth-store';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { CopyButton } from '../../../components/copy-button';
import { Empty, QueryState } from '../../../components/states';
import { trpc } from '../../../trpc/client';
import { errorMessage } from '../../../trpc/errors';
import type { TSourceView } from '../../../trpc/types';
import { SecretOnce } from './secret-once';
import { SourceCreateForm } from './source-create-form';

type TPendingAction = { kind: 'rotate' | 'delete'; source: TSourceView } | null;

function SourceRow({
  s,
  isAdmin,
  onAction,
  onToggle,
}: {
  s: TSourceView;
  isAdmin: boolean;
  onAction: (a: TPendingAction) => void;
  onToggle: () => void;
}) {
  return (
    <li className="source-item">
      <div className="source-head">
        <strong>{s.name}</strong> <span className="badge badge-muted">{s.verification.kind}</span>{' '}
        {!s.enabled && <span className="badge badge-warn">disabled</span>}
      </div>
      <div className="source-url">
        <code aria-label={`Webhook URL of ${s.name}`}>{s.url}</code> <CopyButton text={s.url} label={`Copy URL of ${s.name}`} />
      </div>
      <p className="muted small">
        {s.liveSecrets} live secret{s.liveSecrets === 1 ? '' : 's'} · {s.ratePerMinute}/min
        {s.eventTypeHeader ? ` · event type from ${s.eventTypeHeader}` : ''}
      </p>
      {isAdmin && (
        <div className="actions">
          <button type="button" className="button small" onClick={onToggle}>
            {s.enabled ? `Disable ${s.name}` : `Enable ${s.name}`}
          </button>
          {s.verification.kind !== 'none' && (
            <button type="button" className="button small" onClick={() => onAction({ kind: 'rotate', source: s })}>
              Rotate secret of {s.name}
            </button>
          )}
          <button type="button" className="button small danger" onClick={() => onAction({ kind: 'delete', source: s })}>
            Delete {s.name}
          </button>
        </div>
      )}
    </li>
  );
}

export function SourcesSection() {
  const isAdmin = useIsAdmin();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.sources.list.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.sources.list.queryKey() });
  const [secret, setSecret] = useState<{ title: string; value: string } | null>(null);
  const [pending, setPending] = useState<TPendingAction>(null);
  const onSecret = (title: string) => (r: { secret: string | null }) => {
    if (r.secret) setSecret({ title, value: r.secret });
    void invalidate();
  };
  const create = useMutation(trpc.sources.create.mutationOptions({ onSuccess: onSecret('Source created. Its secret:') }));
  const rotate = useMutation(
    trpc.sources.rotateSecret.mutationOptions({
      onSuccess: onSecret('New secret (the previous one stays valid until the next rotation):'),
    }),
  );
  const remove = useMutation(trpc.sources.delete.mutationOptions({ onSuccess: () => void invalidate() }));
  const update = useMutation(trpc.sources.update.mutationOptions({ onSuccess: () => void invalidate() }));
  const failed = [create, rotate, remove, update].find((m) => m.isError);
  const confirm = () => {
    if (pending?.kind === 'rotate') rotate.mutate({ id: pending.source.id });
    if (pending?.kind === 'delete') remove.mutate({ id: pending.source.id });
    setPending(null);
  };

  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">Custom webhook sources</h2>
      {secret && <SecretOnce title={secret.title} secret={secret.value} onDismiss={() => setSecret(null)} />}
      {failed && (
        <p role="alert" className="error-text">
          {errorMessage(failed.error)}
        </p>
      )}
      <QueryState query={query} what="Custom sources" procedure="sources.list">
        {(sources) =>
          sources.length === 0 ? (
            <Empty>No custom source yet. Create one to receive webhooks from GitHub, Stripe or any system.</Empty>
          ) : (
            <ul className="source-list">
              {sources.map((s) => (
                <SourceRow
                  key={s.id}
                  s={s}
                  isAdmin={isAdmin}
                  onAction={setPending}
                  onToggle={() => update.mutate({ id: s.id, data: { enabled: !s.enabled } })}
                />
              ))}
            </ul>
          )
        }
      </QueryState>
      {isAdmin ? (
        <details className="create-block">
          <summary>New custom source</summary>
          <SourceCreateForm onCreate={(input) => create.mutate(input)} isPending={create.isPending} />
        </details>
      ) : (
        <p className="muted">Only workspace admins can create or change sources.</p>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={pending?.kind === 'delete' ? `Delete ${pending.source.name}?` : `Rotate the secret of ${pending?.source.name ?? ''}?`}
        confirmLabel={pending?.kind === 'delete' ? 'Delete source' : 'Rotate secret'}
        danger={pending?.kind === 'delete'}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {pending?.kind === 'delete'
          ? 'Webhooks sent to its URL will be refused. Flows triggered by it stop running.'
          : 'A new secret is generated and shown once. The current secret keeps working until the next rotation, so senders can switch over.'}
      </ConfirmDialog>
    </section>
  );
}
