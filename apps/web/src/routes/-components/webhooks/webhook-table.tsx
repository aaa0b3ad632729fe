import { Link } from '@tanstack/react-router';

import { formatBytes, formatDateTime } from '../../../components/format';
import { StatusBadge } from '../../../components/status-badge';
import { useSourceNames } from '../../../hooks/use-source-names';
import type { TWebhookSummary } from '../../../trpc/types';

type TWebhookTableProps = { items: TWebhookSummary[]; liveIds?: ReadonlySet<string>; caption: string };

export function WebhookTable({ items, liveIds, caption }: TWebhookTableProps) {
  const names = useSourceNames();

  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Event type</th>
            <th scope="col">Source</th>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Flows
            </th>
            <th scope="col" className="num">
              Size
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((w) => (
            <tr key={w.id} className={liveIds?.has(w.id) ? 'row-new' : undefined}>
              <td>{formatDateTime(w.receivedAt)}</td>
              <td>
                <Link to="/webhooks/$id" params={{ id: w.id }}>
                  {w.eventType}
                </Link>
              </td>
              <td>{w.source === 'custom' ? `Custom: ${w.sourceId ? (names.get(w.sourceId) ?? w.sourceId) : 'unknown'}` : 'Clockify'}</td>
              <td>
                <StatusBadge status={w.outcome} />
                {w.reason && <span className="muted small"> {w.reason}</span>}
              </td>
              <td className="num">{w.flowIds.length}</td>
              <td className="num">{formatBytes(w.sizeBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
