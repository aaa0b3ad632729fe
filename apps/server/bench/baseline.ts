/**
 * The baseline the ingest numbers are compared with: a bare Express 5 handler that parses the JSON body and
 * does ONE insert of it (one row per request, no batching, no signature check) into a table with the same
 * shape and indexes as `universal_webhook_log`, in the same database, through the same drivers (pg with a
 * pool of 10, better-sqlite3 with the product's pragmas: WAL, synchronous=FULL).
 *
 * Run as its own process: `BASELINE_DB_URL=… PORT=… node --import tsx apps/server/bench/baseline.ts`.
 */
import { randomUUID } from 'node:crypto';

import Database from 'better-sqlite3';
import express from 'express';
import pg from 'pg';

const url = process.env.BASELINE_DB_URL ?? '';
const port = Number(process.env.PORT ?? 0);
const TABLE = 'bench_baseline_log';
const COLUMNS = [
  'id',
  'workspace_id',
  'source',
  'source_id',
  'event_type',
  'payload',
  'headers',
  'received_at',
  'signature',
  'dedup_key',
  'outcome',
  'reason',
  'flow_ids',
  'redacted',
  'size_bytes',
];

type TInsert = (values: unknown[]) => Promise<void>;

async function openPostgres(): Promise<TInsert> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(`create table if not exists ${TABLE} (like universal_webhook_log including all)`);
  const sql = `insert into ${TABLE} (${COLUMNS.join(', ')}) values (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

  return async (values) => {
    await pool.query(sql, values);
  };
}

function openSqlite(): TInsert {
  const db = new Database(url);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const ddl = db.prepare("select sql from sqlite_master where tbl_name = 'universal_webhook_log' and sql is not null").all() as {
    sql: string;
  }[];
  for (const { sql } of ddl) {
    db.exec(sql.replaceAll('universal_webhook_log', TABLE).replace(/^create (unique )?(table|index)/i, (m) => `${m} if not exists`));
  }
  const insert = db.prepare(`insert into ${TABLE} (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`);

  return async (values) => {
    insert.run(values);
  };
}

const insert = /^postgres(ql)?:\/\//.test(url) ? await openPostgres() : openSqlite();
const app = express();
app.post('/webhooks/clockify', express.raw({ type: () => true, limit: 1_048_576 }), async (req, res) => {
  const raw = req.body as Buffer;
  const payload = JSON.parse(raw.toString('utf8')) as { workspaceId?: string };
  const id = randomUUID();
  const eventType = String(req.headers['clockify-webhook-event-type'] ?? '');
  await insert([
    id,
    String(payload.workspaceId ?? ''),
    'clockify',
    null,
    eventType,
    JSON.stringify(payload),
    JSON.stringify({ 'content-type': req.headers['content-type'] }),
    Date.now(),
    'valid',
    null,
    'no_match',
    null,
    '[]',
    '[]',
    raw.length,
  ]);
  res.json({ id, outcome: 'no_match', flows: 0 });
});
app.get('/ready', (_req, res) => res.json({ status: 'ready' }));
app.listen(port, '127.0.0.1', () => process.stdout.write(`baseline listening on ${port}\n`));
process.on('SIGTERM', () => process.exit(0));
