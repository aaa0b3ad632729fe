import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { RJSFSchema } from '@rjsf/utils';
import { useMemo, useState } from 'react';

import type { TClockifyResponse, TExecuteInput, THistoryItem, TOperation } from '../../../api-contract/pending-types';
import { useIsAdmin, useSession } from '../../../auth/auth-store';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { CopyButton } from '../../../components/copy-button';
import { errorMessage, isMissingProcedure } from '../../../trpc/errors';
import { pendingMutation } from '../../../trpc/pending';
import { BodyEditor } from './body-editor';
import { buildCurl } from './curl';
import { HistoryList, historyQuery } from './history-list';
import { changesData, isDestructive } from './operations';
import { compactValues, exampleFromSchema, initialParameters, parametersSchema, type TRequestValues } from './request-schema';
import { ResponseView } from './response-view';
import { SchemaForm } from './schema-form';

export function RequestPanel({ op }: { op: TOperation }) {
  const session = useSession();
  const isAdmin = useIsAdmin();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const schema = useMemo(() => parametersSchema(op), [op]);
  const example = useMemo(() => (op.requestBody ? (op.requestBody.example ?? exampleFromSchema(op.requestBody.schema)) : undefined), [op]);
  const [params, setParams] = useState<TRequestValues>(() => initialParameters(op, session));
  const [body, setBody] = useState<unknown>(example);
  const [confirming, setConfirming] = useState(false);
  const values: TRequestValues = { path: compactValues(params.path), query: compactValues(params.query), ...(op.requestBody ? { body } : {}) };
  const execute = useMutation({
    ...pendingMutation<TExecuteInput, TClockifyResponse>('explorer.execute'),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: historyQuery(op.operationId).queryKey }),
  });
  const send = () => execute.mutate({ operationId: op.operationId, ...values });
  const onSend = () => (changesData(op.method) ? setConfirming(true) : send());
  const loadHistory = (h: THistoryItem) => {
    setParams({ path: h.request?.path ?? {}, query: h.request?.query ?? {} });
    if (h.request?.body !== undefined) setBody(h.request.body);
  };
  const useInFlow = () =>
    void navigate({ to: '/flows/new', search: { operationId: op.operationId, path: values.path, query: values.query, body: values.body } });

  return (
    <>
      <section aria-labelledby="request-title" className="request-panel">
        <h2 id="request-title">Request</h2>
        {Object.keys(schema.properties ?? {}).length > 0 ? (
          <SchemaForm schema={schema} value={params} onChange={(v) => setParams((v ?? { path: {}, query: {} }) as TRequestValues)} idPrefix="params" />
        ) : (
          <p className="muted">This operation takes no parameters.</p>
        )}
        {op.requestBody && <BodyEditor schema={(op.requestBody.schema ?? {}) as RJSFSchema} example={example} value={body} onChange={setBody} />}
        <div className="actions">
          {isAdmin ? (
            <button type="button" className={isDestructive(op.method) ? 'button danger' : 'button primary'} onClick={onSend} disabled={execute.isPending}>
              {execute.isPending ? 'Sending…' : `Send ${op.method.toUpperCase()} request`}
            </button>
          ) : (
            <p className="muted">Only workspace admins can call the API from here.</p>
          )}
          <button type="button" className="button" onClick={useInFlow}>
            Use in a flow
          </button>
        </div>
        {execute.isError && (
          <p role="alert" className="error-text">
            {isMissingProcedure(execute.error) ? 'Calling operations is not available yet on this server (explorer.execute).' : errorMessage(execute.error)}
          </p>
        )}
        <details className="curl">
          <summary>curl</summary>
          <pre className="code-block" aria-label="curl command">{buildCurl({ method: op.method, path: op.path, host: op.host, baseUrl: session.backendUrl, values })}</pre>
          <CopyButton text={buildCurl({ method: op.method, path: op.path, host: op.host, baseUrl: session.backendUrl, values })} label="Copy curl command" />
          <p className="muted small">Set CLOCKIFY_ADDON_TOKEN in your shell first: the token is never part of the snippet.</p>
        </details>
      </section>
      {execute.data && <ResponseView response={execute.data} />}
      <HistoryList operationId={op.operationId} onLoad={loadHistory} />
      <ConfirmDialog
        open={confirming}
        title={isDestructive(op.method) ? 'Delete data in Clockify?' : 'Change data in Clockify?'}
        confirmLabel={`Send ${op.method.toUpperCase()}`}
        danger={isDestructive(op.method)}
        onConfirm={() => {
          setConfirming(false);
          send();
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>
          <code>
            {op.method.toUpperCase()} {op.path}
          </code>{' '}
          runs for real on workspace <code>{session.workspaceId}</code>.
          {isDestructive(op.method) ? ' What it deletes cannot be restored.' : ' It may create or change data.'}
        </p>
      </ConfirmDialog>
    </>
  );
}
