import { useQuery } from '@tanstack/react-query';

import type { THistoryItem } from '../../../api-contract/pending-types';
import { formatDateTime, formatDuration } from '../../../components/format';
import { Empty, QueryState } from '../../../components/states';
import { pendingQuery } from '../../../trpc/pending';

type THistoryListProps = { operationId: string; onLoad: (item: THistoryItem) => void };

export function historyQuery(operationId: string) {
  return pendingQuery<{ items: THistoryItem[] }>('explorer.history', { operationId, limit: 20 });
}

export function HistoryList({ operationId, onLoad }: THistoryListProps) {
  const query = useQuery(historyQuery(operationId));

  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <QueryState query={query} what="Call history" procedure="explorer.history">
        {({ items }) =>
          items.length === 0 ? (
            <Empty>No call of this operation yet.</Empty>
          ) : (
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Status</th>
                  <th scope="col">Latency</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((h) => (
                  <tr key={h.id}>
                    <td>{formatDateTime(h.createdAt)}</td>
                    <td>{h.status ?? h.error ?? '—'}</td>
                    <td>{formatDuration(h.latencyMs)}</td>
                    <td>
                      {h.request && (
                        <button type="button" className="button small" onClick={() => onLoad(h)}>
                          Load request from {formatDateTime(h.createdAt)}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}
