import { useNavigate } from '@tanstack/react-router';

import { ImportFlowButton } from '../routes/-components/flows/import-flow-dialog';
import { useFlowFileActions } from '../routes/-components/flows/use-flow-file-actions';
import { errorMessage } from '../trpc/errors';

/** The editor's Download (the saved flow as a .json file), Duplicate and Upload; a copy or an upload opens in the editor. */
export function FlowFileBar({ flow }: { flow: { id: string; name: string } }) {
  const navigate = useNavigate();
  const open = (id: string) => void navigate({ to: '/flows/$flowId', params: { flowId: id } });
  const files = useFlowFileActions({ onDuplicated: (copy) => open(copy.id) });

  return (
    <div className="actions flow-file-bar">
      <button type="button" className="button small" disabled={files.downloading !== null} onClick={() => files.download(flow)}>
        {files.downloading ? 'Downloading…' : 'Download'}
      </button>
      <button type="button" className="button small" disabled={files.duplicating !== null} onClick={() => files.duplicate(flow)}>
        {files.duplicating ? 'Duplicating…' : 'Duplicate'}
      </button>
      <ImportFlowButton small onImported={(result) => open(result.flow.id)} />
      {files.error !== null && files.error !== undefined && (
        <span role="alert" className="error-text small">
          {errorMessage(files.error)}
        </span>
      )}
    </div>
  );
}
