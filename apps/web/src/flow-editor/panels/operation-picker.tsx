import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';

import type { TEndpoints } from '../../api-contract/pending-types';
import { filterOperations, flattenEndpoints } from '../../routes/-components/explorer/operations';
import { isMissingProcedure } from '../../trpc/errors';
import { pendingQuery } from '../../trpc/pending';

type TOperationPickerProps = { value: string; onChange: (operationId: string) => void };

/** Searchable list of the catalogue's operations (explorer.endpoints); free text when the catalogue is unavailable. */
export function OperationPicker({ value, onChange }: TOperationPickerProps) {
  const endpoints = useQuery({ ...pendingQuery<TEndpoints>('explorer.endpoints'), staleTime: 5 * 60_000 });
  const [q, setQ] = useState('');
  const all = useMemo(() => (endpoints.data ? flattenEndpoints(endpoints.data) : []), [endpoints.data]);
  const matches = useMemo(() => filterOperations(all, { q }).slice(0, 200), [all, q]);

  if (endpoints.isError || (endpoints.data && !endpoints.data.available)) {
    return (
      <label className="block">
        Operation id{' '}
        <span className="muted small">
          ({isMissingProcedure(endpoints.error) ? 'the operation list is not available yet' : 'the catalogue is not loaded'}: type the
          operationId)
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
              {op.method} {op.path} — {op.summary || op.operationId}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
