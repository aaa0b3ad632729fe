import { listWebhooks } from '@uw/api';
import { openDatabase, TABLE } from '@uw/db';
import { createScratchDatabase } from '@uw/db/testing';

import { PG_ADMIN_URL } from '../test-faults/support/paths';
import { percentile, round } from './stats';

export type TListQuery = { name: string; p50: number; p95: number; rows: number };
export type TListScale = { rows: number; hotRows: number; workspaces: number; insertSeconds: number; queries: TListQuery[] };

const HOT = 'benchhot000000000000000';
const EVENTS = [
  'NEW_TIME_ENTRY',
  'TIME_ENTRY_UPDATED',
  'TIMER_STOPPED',
  'NEW_PROJECT',
  'NEW_TAG',
  'NEW_CLIENT',
  'NEW_TASK',
  'TIME_ENTRY_DELETED',
];

/**
 * `webhooks.list` on a log of `rows` entries in PostgreSQL: 1,000 workspaces, one of them (the one queried) with a
 * fifth of the rows, ids time-ordered like the product's. Times the SPA's default page and each filter it offers
 * (p50/p95 over `runs` calls each, through the same service function the API uses).
 */
export async function listScale(o: { rows: number; runs: number; log: (line: string) => void }): Promise<TListScale> {
  const scratch = await createScratchDatabase('postgresql', PG_ADMIN_URL);
  // Writing the rows is one long statement: past the product's default statement timeout.
  const db = await openDatabase({ url: scratch.url, queryTimeoutMs: 600_000 });
  try {
    const started = Date.now();
    const now = Date.now();
    // Row i: the hot workspace for every fifth, else one of 999 others; newest = highest i.
    await db.knex().raw(
      `insert into ${TABLE.log} (id, workspace_id, source, source_id, event_type, payload, headers, received_at, signature,
         dedup_key, outcome, reason, flow_ids, redacted, size_bytes)
       select '01a00000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'),
              case when i % 5 = 0 then ? else 'bench' || lpad((i % 999)::text, 18, '0') end,
              case when i % 10 = 3 then 'custom' else 'clockify' end,
              case when i % 10 = 3 then 'src-' || (i % 7) else null end,
              (?::text[])[1 + (i % 8)],
              jsonb_build_object('id', 'te-' || i, 'projectId', 'p-' || (i % 300), 'description', 'entry ' || i,
                                 'user', jsonb_build_object('email', 'u' || (i % 50) || '@example.com')),
              '{}'::jsonb, cast(? as bigint) - (cast(? as bigint) - i) * 50, 'valid', null,
              case when i % 97 = 0 then 'rejected' when i % 3 = 0 then 'no_match' else 'queued' end,
              null, '[]'::jsonb, '[]'::jsonb, 600
       from generate_series(1, ?) as i`,
      [HOT, `{${EVENTS.join(',')}}`, now, o.rows, o.rows],
    );
    await db.knex().raw(`analyze ${TABLE.log}`);
    const insertSeconds = round((Date.now() - started) / 1000);
    o.log(`list-scale: ${o.rows.toLocaleString('en')} log rows written in ${insertSeconds} s`);
    const deep = await listWebhooks(db, HOT, {
      limit: 50,
      cursor: `01a00000-0000-7000-8000-${Math.floor(o.rows / 2)
        .toString(16)
        .padStart(12, '0')}`,
    });
    const cases: [string, Parameters<typeof listWebhooks>[2]][] = [
      ['default page (newest 50)', { limit: 50 }],
      ['event type', { limit: 50, eventType: 'TIMER_STOPPED' }],
      ['outcome rejected (rare)', { limit: 50, outcome: 'rejected' }],
      ['custom source', { limit: 50, source: 'custom', sourceId: 'src-3' }],
      ['last hour', { limit: 50, from: now - 3_600_000, to: now }],
      ['a page deep in the middle (cursor)', { limit: 50, cursor: deep.items[0]?.id }],
      ['payload path = value (1 row in 60 matches)', { limit: 50, payload: { path: '$.projectId', equals: 'p-10' } }],
      ['payload path = value (no row matches)', { limit: 50, payload: { path: '$.projectId', equals: 'p-7' } }],
    ];
    const queries: TListQuery[] = [];
    for (const [name, input] of cases) {
      const times: number[] = [];
      let rows = 0;
      for (let r = 0; r < o.runs; r++) {
        const t = performance.now();
        rows = (await listWebhooks(db, HOT, input)).items.length;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      queries.push({ name, p50: round(percentile(times, 50), 1), p95: round(percentile(times, 95), 1), rows });
      o.log(`list-scale: ${name}: p50 ${round(percentile(times, 50), 1)} ms, p95 ${round(percentile(times, 95), 1)} ms (${rows} rows)`);
    }

    return { rows: o.rows, hotRows: Math.floor(o.rows / 5), workspaces: 1_000, insertSeconds, queries };
  } finally {
    await db.close();
    await scratch.drop().catch(() => undefined);
  }
}
