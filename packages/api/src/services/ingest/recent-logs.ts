import type { TLogRow } from './rows';

export type TRecentLog = Pick<TLogRow, 'id' | 'workspace_id' | 'event_type' | 'source' | 'received_at' | 'payload' | 'headers'>;
export type TRecentLogs = { remember(row: TLogRow): void; get(workspaceId: string, id: string): TRecentLog | undefined };

/**
 * The log rows that queued executions, kept in memory after their commit (bounded in bytes, oldest
 * first out): a worker in the same process reads its trigger here instead of querying it back. The
 * rows are exactly what was committed, so both paths give the flow the same event.
 */
export function createRecentLogs(maxBytes = 16 * 1_048_576): TRecentLogs {
  const rows = new Map<string, { row: TRecentLog; bytes: number }>();
  let total = 0;

  return {
    remember(row) {
      const bytes = (row.payload?.length ?? 0) + row.headers.length + 200;
      if (bytes > maxBytes / 4 || rows.has(row.id)) return;
      const { id, workspace_id, event_type, source, received_at, payload, headers } = row;
      rows.set(id, { row: { id, workspace_id, event_type, source, received_at, payload, headers }, bytes });
      total += bytes;
      for (const [oldest, entry] of rows) {
        if (total <= maxBytes) break;
        rows.delete(oldest);
        total -= entry.bytes;
      }
    },
    get(workspaceId, id) {
      const row = rows.get(id)?.row;

      return row?.workspace_id === workspaceId ? row : undefined;
    },
  };
}
