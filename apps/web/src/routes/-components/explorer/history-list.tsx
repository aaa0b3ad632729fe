import { useQuery } from '@tanstack/react-query';

import type { THistoryItem } from '../../../trpc/types';
import { formatDateTime, formatDuration } from '../../../components/format';
import { Empty, QueryState } from '../../../components/states';
import { trpc } from '../../../trpc/client';

type THistoryListProps = { operationId: string; onLoad: (item: THistoryItem) => void };

export function HistoryList({ operationId, onLoad }: THistoryListProps) {
  // explorer.history covers every operation: this page shows the calls of its own among the last 100.
  const query = useQuery(trpc.explorer.history.queryOptions({ limit: 100 }));

  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <QueryState query={query} what="Call history" procedure="explorer.history">
        {({ items }) => {
          const mine = items.filter((h) => h.operationId === operationId);

          return mine.length === 0 ? (
            <Empty>No recent call of this operation.</Empty>
          ) : (
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Status</th>
                  <th scope="col">Latency</th>
                  <th scope="col">URL</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {mine.map((h) => (
                  <tr key={h.id}>
                    <td>{formatDateTime(h.createdAt)}</td>
                    <td>{h.status === 0 ? 'no answer' : h.status}</td>
                    <td>{formatDuration(h.latencyMs)}</td>
                    <td className="break small">{h.url}</td>
                    <td>
                      <button type="button" className="button small" onClick={() => onLoad(h)}>
                        Load request from {formatDateTime(h.createdAt)}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </QueryState>
    </section>
  );
}
