import { StatusBadge } from '../components/status-badge';
import { itemCounts, nestTrace, type TTraceEntry, type TTraceItem, type TTraceRow } from './nest-trace';

function TraceLine({ entry }: { entry: TTraceEntry }) {
  return (
    <>
      <code>{entry.nodeId}</code> <span className="muted">({entry.kind})</span> <StatusBadge status={entry.state} />
      {entry.branch !== undefined && (
        <span className="trace-branch">
          {' '}
          → <strong>{entry.branch}</strong>
        </span>
      )}
      {entry.items !== undefined && (
        <span className="muted">
          {' '}
          · {entry.items} {entry.items === 1 ? 'item' : 'items'}
        </span>
      )}
    </>
  );
}

function LoopItems({ loopId, items }: { loopId: string; items: readonly TTraceItem[] }) {
  return (
    <div className="loop-items">
      <ul className="loop-counts" aria-label={`Per item counts of ${loopId}`}>
        {itemCounts(items).map(({ nodeId, counts }) => (
          <li key={nodeId}>
            <code>{nodeId}</code>: {counts.map(([outcome, n]) => `${outcome} ×${n}`).join(', ')}
          </li>
        ))}
      </ul>
      <ol className="loop-item-list" aria-label={`Items of ${loopId}`} start={0}>
        {items.map((item) => (
          <li key={item.index}>
            <span className="muted">Item {item.index}:</span> <TraceRows rows={item.rows} inline />
          </li>
        ))}
      </ol>
    </div>
  );
}

function TraceRows({ rows, inline = false }: { rows: readonly TTraceRow[]; inline?: boolean }) {
  return (
    <ol className={inline ? 'trace trace-inline' : 'trace'}>
      {rows.map((row, n) => (
        <li key={`${row.entry.key ?? row.entry.nodeId}-${n}`}>
          <TraceLine entry={row.entry} />
          {row.items && <LoopItems loopId={row.entry.nodeId} items={row.items} />}
        </li>
      ))}
    </ol>
  );
}

/** What happened to each node of a test run: the branch it took, and a loop's items one by one with counts. */
export function TraceList({ trace }: { trace: readonly TTraceEntry[] }) {
  return <TraceRows rows={nestTrace(trace)} />;
}
