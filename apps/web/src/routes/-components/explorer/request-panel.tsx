import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { RJSFSchema } from '@rjsf/utils';
import { useMemo, useState } from 'react';

import type { THistoryItem, TOperation } from '../../../trpc/types';
import { useIsAdmin, useSession } from '../../../auth/auth-store';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { CopyButton } from '../../../components/copy-button';
import { checkValue } from '../../../components/schema-form/safe-validator';
import { errorMessage, isMissingProcedure } from '../../../trpc/errors';
import { trpc } from '../../../trpc/client';
import { BodyEditor } from './body-editor';
import { buildCurl } from './curl';
import { HistoryList } from './history-list';
import { isDelete } from './operations';
import {
  compactValues,
  exampleFromSchema,
  initialParameters,
  parametersSchema,
  parametersUiSchema,
  type TRequestValues,
} from './request-schema';
import { ResponseView } from './response-view';
import { SchemaForm } from './schema-form';

export function RequestPanel({ op }: { op: TOperation }) {
  const session = useSession();
  const isAdmin = useIsAdmin();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const schema = useMemo(() => parametersSchema(op), [op]);
  const uiSchema = useMemo(() => parametersUiSchema(op), [op]);
  const example = useMemo(() => (op.requestBody ? (op.exampleBody ?? exampleFromSchema(op.requestBody.schema)) : undefined), [op]);
  const [params, setParams] = useState<TRequestValues>(() => initialParameters(op, session));
  const [body, setBody] = useState<unknown>(example);
  const [confirming, setConfirming] = useState(false);
  const values: TRequestValues = {
    path: compactValues(params.path),
    query: compactValues(params.query),
    ...(op.requestBody ? { body } : {}),
  };
  const execute = useMutation(
    trpc.explorer.execute.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.explorer.history.queryKey() }),
    }),
  );
  const [missing, setMissing] = useState<string[]>([]);
  const send = () => execute.mutate({ operationId: op.operationId, ...values, ...(op.destructiveReason ? { confirm: true } : {}) });
  const onSend = () => {
    // Required parameters are checked here (CSP-safe checker); everything else is the server's to judge.
    const problems = checkValue(schema, { path: values.path, query: values.query }).map(
      (e) => `${(e.property ?? '').replace(/^\./, '')} ${e.message}`,
    );
    setMissing(problems);
    if (problems.length > 0) return;
    if (op.destructiveReason) setConfirming(true);
    else send();
  };
  const loadHistory = (h: THistoryItem) => {
    const request = h.request as { path?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
    setParams({ path: request.path ?? {}, query: request.query ?? {} });
    if (request.body !== undefined) setBody(request.body);
  };
  const useInFlow = () =>
    void navigate({ to: '/flows/new', search: { operationId: op.operationId, path: values.path, query: values.query, body: values.body } });

  return (
    <>
      <section aria-labelledby="request-title" className="request-panel">
        <h2 id="request-title">Request</h2>
        {Object.keys(schema.properties ?? {}).length > 0 ? (
          <SchemaForm
            schema={schema}
            uiSchema={uiSchema}
            value={params}
            onChange={(v) => setParams((v ?? { path: {}, query: {} }) as TRequestValues)}
            idPrefix="params"
          />
        ) : (
          <p className="muted">This operation takes no parameters.</p>
        )}
        {op.requestBody && <BodyEditor schema={op.requestBody.schema as RJSFSchema} example={example} value={body} onChange={setBody} />}
        <div className="actions">
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
            <p className="muted">Only workspace admins can call the API from here.</p>
          )}
          <button type="button" className="button" onClick={useInFlow}>
            Use in a flow
          </button>
        </div>
        {missing.length > 0 && (
          <ul role="alert" className="error-text">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        {execute.isError && (
          <p role="alert" className="error-text">
            {isMissingProcedure(execute.error)
              ? 'Calling operations is not available yet on this server (explorer.execute).'
              : errorMessage(execute.error)}
          </p>
        )}
        <details className="curl">
          <summary>curl</summary>
          <pre className="code-block" aria-label="curl command">
            {buildCurl({ method: op.method, path: op.path, host: op.host, baseUrl: session.backendUrl, values })}
          </pre>
          <CopyButton
            text={buildCurl({ method: op.method, path: op.path, host: op.host, baseUrl: session.backendUrl, values })}
            label="Copy curl command"
          />
          <p className="muted small">Set CLOCKIFY_ADDON_TOKEN in your shell first: the token is never part of the snippet.</p>
        </details>
      </section>
      {execute.data && <ResponseView response={execute.data} />}
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
          It runs for real on workspace <code>{session.workspaceId}</code>, with the add-on's admin rights. Clockify has no undo.
        </p>
      </ConfirmDialog>
    </>
  );
}
