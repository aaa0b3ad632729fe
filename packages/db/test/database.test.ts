import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { newId, openDatabase, WebhookLog, DedupKey, type TDatabase } from '../src';
import { createScratchDatabase, openTestDatabase, testDialects } from '../src/testing';
import { REQUIRE_PG, TEST_PG_ADMIN_URL } from './env';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });

describe.each(dialects)('database on %s', (dialect) => {
  let db: TDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(dialect, TEST_PG_ADMIN_URL);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('applies every migration from zero and has none pending', async () => {
    expect(await db.pendingMigrations()).toEqual([]);
    const executed = await db.orm.getMigrator().getExecutedMigrations();
    expect(executed.length).toBeGreaterThan(0);
  });

  it('has migrations that agree with the entities (no schema diff)', async () => {
    const diff = await db.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  // PostgreSQL only (SQLite has no unlogged tables): declared for that dialect, not skipped on the other.
  if (dialect === 'postgresql')
    it('keeps the outbound rate windows unlogged and everything else logged', async () => {
      const rows: { relname: string; relpersistence: string }[] = (
        await db.knex().raw("select relname, relpersistence from pg_class where relkind = 'r' and relname like 'universal_webhook_%'")
      ).rows;
      expect(rows.filter((r) => r.relpersistence === 'u').map((r) => r.relname)).toEqual(['universal_webhook_rate_window']);
      expect(rows.length).toBeGreaterThan(10);
    });

  it('stores and reads back a log row with JSON payload and epoch timestamps', async () => {
    const em = db.fork();
    const id = newId();
    const payload = { id: 'x', nested: { list: [1, 2, { deep: 'é' }] } };
    em.create(WebhookLog, logRow(id, payload));
    await em.flush();
    const read = await db.fork().findOneOrFail(WebhookLog, { id, workspaceId: 'ws-a' });
    expect(read.payload).toEqual(payload);
    expect(read.receivedAt).toBe(1_700_000_000_123);
    expect(read.flowIds).toEqual(['f1']);
  });

  it('refuses a second dedup key for the same workspace but allows it in another workspace', async () => {
    const insert = (workspaceId: string) =>
      db.fork().insert(DedupKey, { id: newId(), workspaceId, dedupKey: 'k1', logId: 'l', expiresAt: 1 });
    await insert('ws-a');
    await expect(insert('ws-a')).rejects.toThrow(/unique|constraint/i);
    await expect(insert('ws-b')).resolves.toBeDefined();
  });
});

describe('connection errors', () => {
  it('rejects an unreachable PostgreSQL URL with a clear error instead of hanging', async () => {
    const started = Date.now();
    const db = await openDatabase({ url: 'postgresql://nobody@127.0.0.1:1/none', migrate: false });
    await expect(db.ping()).rejects.toThrow(/ECONNREFUSED|connect/i);
    await db.close();
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('creates the SQLite file and its folder on first open', async () => {
    const scratch = await createScratchDatabase('sqlite');
    const db = await openDatabase({ url: scratch.url.replace('.db', '/nested/uw.db') });
    expect(await db.pendingMigrations()).toEqual([]);
    await db.close();
    await scratch.drop();
  });
});

function logRow(id: string, payload: unknown) {
  return {
    id,
    workspaceId: 'ws-a',
    source: 'clockify' as const,
    sourceId: null,
    eventType: 'NEW_PROJECT',
    payload,
    headers: { 'content-type': 'application/json' },
    receivedAt: 1_700_000_000_123,
    signature: 'valid' as const,
    dedupKey: 'abc',
    outcome: 'queued' as const,
    reason: null,
    flowIds: ['f1'],
    redacted: [],
    sizeBytes: 10,
  };
}
