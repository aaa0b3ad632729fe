import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';

import { Loading } from '../../../components/states';
import { trpc } from '../../../trpc/client';
import { errorMessage } from '../../../trpc/errors';
import type { TRouterOutputs } from '../../../trpc/types';
import './flow-files.css';
import { DocumentIssues } from './document-issues';
import { readJsonFile } from './flow-file';

export type TImportResult = TRouterOutputs['flows']['import'];

type TUpload = { fileName: string; document?: unknown; readError?: string };

/**
 * "Upload": a file input, then a dialog with what the server found in the file (errors with their paths,
 * warnings such as Clockify ids this workspace does not have) and the new flow's name; nothing is created
 * before "Import flow". The flow is created disabled.
 */
export function ImportFlowButton({ onImported, small }: { onImported: (result: TImportResult) => void; small?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const [upload, setUpload] = useState<TUpload | null>(null);
  const [name, setName] = useState('');
  const check = useMutation(trpc.flows.checkImport.mutationOptions({ onSuccess: (r) => setName(r.name ?? '') }));
  const close = () => {
    setUpload(null);
    check.reset();
    create.reset();
    if (input.current) input.current.value = '';
  };
  const create = useMutation(
    trpc.flows.import.mutationOptions({
      onSuccess: (result) => {
        void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        close();
        onImported(result);
      },
    }),
  );
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (upload && !d.open) d.showModal();
    if (!upload && d.open) d.close();
  }, [upload]);

  async function choose(file: File | undefined) {
    if (!file) return;
    check.reset();
    create.reset();
    const read = await readJsonFile(file);
    if (!read.ok) {
      setUpload({ fileName: file.name, readError: read.message });

      return;
    }
    setUpload({ fileName: file.name, document: read.value });
    check.mutate({ document: read.value });
  }

  const result = check.data;
  const blocked = !result || result.errors.length > 0 || !name.trim() || create.isPending;

  return (
    <>
      <label className={small ? 'button small file-button' : 'button file-button'}>
        Upload
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          aria-label="Upload a flow file (.json)"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </label>
      <dialog
        ref={dialog}
        className="dialog import-dialog"
        aria-labelledby="import-dialog-title"
        onCancel={(e) => {
          e.preventDefault();
          close();
        }}
      >
        <h2 id="import-dialog-title">Upload a flow</h2>
        <p className="muted small">{upload?.fileName}</p>
        {upload?.readError && (
          <p role="alert" className="error-text">
            {upload.readError}
          </p>
        )}
        {check.isPending && <Loading label="Checking the document…" />}
        {check.error && (
          <p role="alert" className="error-text">
            {errorMessage(check.error)}
          </p>
        )}
        {result && (
          <div className="dialog-body">
            {result.errors.length === 0 && (
              <>
                <label className="stack-form">
                  Name of the new flow
                  <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
                </label>
                <p className="small">
                  {result.nodeCount} nodes. The flow is created <strong>disabled</strong>: check it, then enable it.
                </p>
              </>
            )}
            <DocumentIssues title="Problems: this file cannot be imported" issues={result.errors} tone="error" />
            <DocumentIssues title="Warnings" issues={result.warnings} tone="warning" />
          </div>
        )}
        {create.error && (
          <p role="alert" className="error-text">
            {errorMessage(create.error)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            disabled={blocked}
            onClick={() => create.mutate({ document: upload?.document, name: name.trim() })}
          >
            {create.isPending ? 'Importing…' : 'Import flow'}
          </button>
        </div>
      </dialog>
    </>
  );
}
