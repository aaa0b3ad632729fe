import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';

import type { THistoryItem, TOperation } from '../../../trpc/types';
import { useIsAdmin, useSession } from '../../../auth/auth-store';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { CopyButton } from '../../../components/copy-button';
import {
  missingOperationFields,
  OperationForm,
  operationSchemas,
  operationValuesToSend,
  type TOperationValues,
} from '../../../components/schema-form';
import { errorMessage, isMissingProcedure } from '../../../trpc/errors';
import { trpc } from '../../../trpc/client';
import { BodyEditor } from './body-editor';
import { buildCurl } from './curl';
import { HistoryList } from './history-list';
import { isDelete } from './operations';
import { bindingOptions, initialValues, valuesOfRequest } from './request-schema';
import { ResponseView } from './response-view';

export function RequestPanel({ op }: { op: TOperation }) {
  const session = useSession();
  const isAdmin = useIsAdmin();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const schemas = useMemo(() => operationSchemas(op, bindingOptions(op)), [op]);
  const [form, setForm] = useState<TOperationValues>(() => initialValues(op, session));
  // Bumped when history is loaded: the body editor starts again from the loaded value.
  const [loaded, setLoaded] = useState(0);
  const [showMissing, setShowMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const values = operationValuesToSend(schemas, form);
  const missing = missingOperationFields(schemas, form);
  const execute = useMutation(
    trpc.explorer.execute.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.explorer.history.queryKey() }),
    }),
  );
  // A new answer is brought into view (the form above it can be long).
  const responseRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (execute.data) responseRef.current?.scrollIntoView({ block: 'start' });
  }, [execute.data]);
  const send = () => execute.mutate({ operationId: op.operationId, ...values, ...(op.destructiveReason ? { confirm: true } : {}) });
  const onSend = () => {
    setShowMissing(true);
    if (missing.length > 0) return;
    if (op.destructiveReason) setConfirming(true);
    else send();
  };
  const loadHistory = (h: THistoryItem) => {
    setForm(valuesOfRequest(h.request));
    setLoaded((n) => n + 1);
  };
  // Only what the user set goes into the flow: no defaults, no examples.
  const useInFlow = () =>
    void navigate({ to: '/flows/new', search: { operationId: op.operationId, path: values.path, query: values.query, body: values.body } });
  const curl = buildCurl({ method: op.method, path: op.path, host: op.host, baseUrl: session.backendUrl, values });
  const hasParameters = Boolean(schemas.path ?? schemas.query);

  return (
    <>
      <section aria-labelledby="request-title" className="request-panel">
        <div className="request-bar" role="toolbar" aria-label="Request actions">
          <h2 id="request-title">Request</h2>
          {isAdmin ? (
            <button
              type="button"
              className={op.destructiveReason ? 'button danger' : 'button primary'}
              onClick={onSend}
              disabled={execute.isPending}
            >
              {execute.isPending ? 'Sending…' : `Send ${op.method.toUpperCase()} request`}
            </button>
          ) : (
            <span className="muted">Only workspace admins can call the API from here.</span>
          )}
          <button type="button" className="button" onClick={useInFlow}>
            Use in a flow
          </button>
          <details className="curl">
            <summary>curl</summary>
            <div className="curl-popover">
              <pre className="code-block" aria-label="curl command">
                {curl}
              </pre>
              <CopyButton text={curl} label="Copy curl command" />
              <p className="muted small">Set CLOCKIFY_ADDON_TOKEN in your shell first: the token is never part of the snippet.</p>
            </div>
          </details>
        </div>
        {showMissing && missing.length > 0 && (
          <p role="alert" className="error-text">
            Required and not set: {missing.join(', ')}
          </p>
        )}
        {execute.isError && (
          <p role="alert" className="error-text">
            {isMissingProcedure(execute.error)
              ? 'Calling operations is not available yet on this server (explorer.execute).'
              : errorMessage(execute.error)}
          </p>
        )}
        {hasParameters ? (
          <OperationForm
            schemas={{ ...schemas, body: null }}
            operationPath={op.path}
            value={form}
            onChange={setForm}
            idPrefix="params"
            showMissing={showMissing}
          />
        ) : (
          <p className="muted">This operation takes no parameters.</p>
        )}
        {schemas.body && (
          <BodyEditor
            key={loaded}
            schema={schemas.body}
            value={form.body}
            onChange={(body) => setForm((f) => ({ ...f, body }))}
            scope={{ ...form.path, ...form.query }}
            showMissing={showMissing}
          />
        )}
      </section>
      <div ref={responseRef}>{execute.data && <ResponseView response={execute.data} />}</div>
      <HistoryList operationId={op.operationId} onLoad={loadHistory} />
      <ConfirmDialog
        open={confirming}
        title={isDelete(op.method) ? 'Delete data in Clockify?' : 'Change data in Clockify?'}
        confirmLabel={`Send ${op.method.toUpperCase()}`}
        danger
        onConfirm={() => {
          setConfirming(false);
          send();
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>{op.destructiveReason}.</p>
        <p>
          It runs for real on workspace <code>{session.workspaceId}</code>, with the add-on&apos;s admin rights. Clockify has no undo.
        </p>
      </ConfirmDialog>
    </>
  );
}
