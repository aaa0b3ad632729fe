import { describe, expect, it } from 'vitest';

import { logRow } from './record';
import { createRecentLogs } from './recent-logs';

const row = (workspaceId: string, payloadBytes: number) =>
  logRow({
    workspace_id: workspaceId,
    source: 'clockify',
    source_id: null,
    event_type: 'NEW_TIME_ENTRY',
    payload: { pad: 'x'.repeat(payloadBytes) },
    headers: {},
    signature: 'valid',
    dedup_key: null,
    outcome: 'queued',
    reason: null,
    size_bytes: payloadBytes,
  });

describe('recent log rows for the worker', () => {
  it('gives a row back only to its own workspace, exactly as committed', () => {
    const recent = createRecentLogs();
    const a = row('ws-a', 10);
    recent.remember(a);
    expect(recent.get('ws-a', a.id)).toMatchObject({ id: a.id, payload: a.payload, headers: a.headers, received_at: a.received_at });
    expect(recent.get('ws-b', a.id)).toBeUndefined();
  });

  it('stays within its byte budget, dropping the oldest rows first, and never keeps an oversized row', () => {
    const recent = createRecentLogs(10_000);
    const rows = Array.from({ length: 10 }, () => row('ws-a', 1_000));
    for (const r of rows) recent.remember(r);
    const kept = rows.filter((r) => recent.get('ws-a', r.id));
    expect(kept.length).toBeGreaterThan(3);
    expect(kept.length).toBeLessThan(10);
    expect(kept).toEqual(rows.slice(rows.length - kept.length));
    const huge = row('ws-a', 5_000);
    recent.remember(huge);
    expect(recent.get('ws-a', huge.id)).toBeUndefined();
  });
});
