import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';

import { StackedBarChart } from '../../../components/bar-chart/bar-chart';
import { buildChartData } from '../../../components/bar-chart/chart-data';
import { Empty, QueryState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { trpc } from '../../../trpc/client';

const RANGES = [6, 24, 72, 168] as const;

export function WebhooksCard() {
  const [hours, setHours] = useState<number>(24);
  const query = useQuery({ ...trpc.webhooks.stats.queryOptions({ hours }), refetchInterval: 60_000 });
  const data = useMemo(
    () => (query.data ? buildChartData(query.data.perHour, { since: query.data.since, now: Date.now() }) : null),
    [query.data],
  );

  return (
    <section className="card wide" aria-labelledby="webhooks-chart-title">
      <div className="card-header">
        <h2 id="webhooks-chart-title">Webhooks per hour</h2>
        <label className="inline-field">
          Range{' '}
          <select value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {RANGES.map((h) => (
              <option key={h} value={h}>
                Last {h < 48 ? `${h} hours` : `${h / 24} days`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState query={query} what="Webhook statistics" procedure="webhooks.stats">
        {(stats) => (
          <>
            {data && data.total > 0 ? (
              <StackedBarChart data={data} title="Webhooks per hour by event type" />
            ) : (
              <Empty>No webhooks arrived in this period.</Empty>
            )}
            <h3>Outcomes</h3>
            {Object.keys(stats.outcomes).length === 0 ? (
              <p className="muted">None yet.</p>
            ) : (
              <ul className="outcome-list">
                {Object.entries(stats.outcomes).map(([outcome, n]) => (
                  <li key={outcome}>
                    <Link to="/webhooks" search={{ outcome: outcome as 'queued' }}>
                      <StatusBadge status={outcome} /> {n.toLocaleString()}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
