import { useQuery } from '@tanstack/react-query';

import { QueryState } from '../../../components/states';
import { trpc } from '../../../trpc/client';

function formatValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value === '' || value === null || value === undefined) return '(none)';

  return String(value);
}

export function EffectiveSettings() {
  const query = useQuery(trpc.settings.get.queryOptions());

  return (
    <section aria-labelledby="effective-title">
      <h2 id="effective-title">Effective settings</h2>
      <p className="muted">Values saved in Clockify's add-on settings override the server's defaults for this workspace.</p>
      <QueryState query={query} what="Settings" procedure="settings.get">
        {(data) => (
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Setting</th>
                <th scope="col">Value</th>
                <th scope="col">Origin</th>
              </tr>
            </thead>
            <tbody>
              {data.settings.map((s) => (
                <tr key={s.id}>
                  <td>{s.group}</td>
                  <th scope="row">
                    {s.name} <code className="muted small">{s.id}</code>
                  </th>
                  <td>{formatValue(s.value)}</td>
                  <td>
                    <span className={s.origin === 'workspace' ? 'badge badge-info' : 'badge badge-muted'}>
                      {s.origin === 'workspace' ? 'saved in Clockify' : 'server default'}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}
