import { useQuery } from '@tanstack/react-query';

import type { TCacheCount } from '../../../api-contract/pending-types';
import { formatDateTime } from '../../../components/format';
import { Empty, QueryState } from '../../../components/states';
import { pendingQuery } from '../../../trpc/pending';

export function CacheCard() {
  const query = useQuery(pendingQuery<TCacheCount[]>('cache.counts'));

  return (
    <section className="card" aria-labelledby="cache-title">
      <h2 id="cache-title">Cached data</h2>
      <QueryState query={query} what="Cached entity counts" procedure="cache.counts">
        {(rows) =>
          rows.length === 0 ? (
            <Empty>Nothing is cached yet. The bootstrap fills the cache.</Empty>
          ) : (
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">Entity</th>
                  <th scope="col" className="num">
                    Count
                  </th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.entity}>
                    <th scope="row">{r.entity}</th>
                    <td className="num">{r.count.toLocaleString()}</td>
                    <td>{formatDateTime(r.updatedAt)}</td>
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
