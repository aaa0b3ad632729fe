import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';

import { filterOperations, flattenEndpoints } from '../../routes/-components/explorer/operations';
import { errorMessage } from '../../trpc/errors';
import { trpc } from '../../trpc/client';

/** `/v1/workspaces/{workspaceId}/tags` → `…/tags`: the shared prefix only takes room in a narrow list. */
const shortPath = (path: string) => path.replace(/^\/v1\/workspaces\/\{workspaceId\}/, '…');

type TOperationPickerProps = { value: string; onChange: (operationId: string) => void };

/** Searchable list of the catalogue's operations (explorer.endpoints); free text when the catalogue is unavailable. */
export function OperationPicker({ value, onChange }: TOperationPickerProps) {
  const endpoints = useQuery({ ...trpc.explorer.endpoints.queryOptions({}), staleTime: 5 * 60_000 });
  const [q, setQ] = useState('');
  const all = useMemo(() => (endpoints.data ? flattenEndpoints(endpoints.data) : []), [endpoints.data]);
  const matches = useMemo(() => filterOperations(all, { q }).slice(0, 200), [all, q]);

  if (endpoints.isError || (endpoints.data && !endpoints.data.available)) {
    return (
      <label className="block">
        Operation id{' '}
        <span className="muted small">
          ({endpoints.error ? `the operation list could not be loaded: ${errorMessage(endpoints.error)}` : 'the catalogue is not loaded'};
          type the operationId)
        </span>
        <input value={value} onChange={(e) => onChange(e.target.value.trim())} spellCheck={false} />
      </label>
    );
  }

  return (
    <div className="operation-picker">
      <label className="block">
        Find an operation
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="e.g. create tag, PUT time entry" />
      </label>
      <label className="block">
        Operation {endpoints.isPending && <span role="status">(loading…)</span>}
        <select size={8} value={value} onChange={(e) => onChange(e.target.value)}>
          {value && !matches.some((m) => m.operationId === value) && <option value={value}>{value}</option>}
          {matches.map((op) => (
            <option key={op.operationId} value={op.operationId}>
              {op.summary || op.operationId} — {op.method} {shortPath(op.path)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
