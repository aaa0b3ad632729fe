import { useQuery } from '@tanstack/react-query';

import { CacheLookup } from '../../../components/cache-lookup';
import { formatDateTime } from '../../../components/format';
import { Empty, QueryState } from '../../../components/states';
import { trpc } from '../../../trpc/client';

export function CacheCard() {
  const query = useQuery({ ...trpc.cache.counts.queryOptions(), refetchInterval: 30_000 });

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
                  <th scope="col">Fetched</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.entityType}>
                    <th scope="row">{r.entityType}</th>
                    <td className="num">{r.count.toLocaleString()}</td>
                    <td>{formatDateTime(r.fetchedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      <CacheLookup title="Search the cache" />
    </section>
  );
}
