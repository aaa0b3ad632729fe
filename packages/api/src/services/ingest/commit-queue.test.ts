import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TDatabase } from '@uw/db';
import { openTestDatabase, testDialects } from '@uw/db/testing';

import type { TCacheWrite } from '../cache/cache-store';
import { createCommitQueue } from './commit-queue';
import { logRow } from './record';

const PG = process.env.UW_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dialects = await testDialects({ pgAdminUrl: PG, requirePg: process.env.CI === 'true' });
const CACHE = 'universal_webhook_entity_cache';
const LOG = 'universal_webhook_log';

const write = (id: string, cache?: Partial<TCacheWrite>) => ({
  log: logRow({
    workspace_id: 'ws-q',
    source: 'clockify',
    source_id: null,
    event_type: 'NEW_PROJECT',
    payload: { id },
    headers: {},
    signature: 'valid',
    dedup_key: null,
    outcome: 'no_match',
    reason: null,
    size_bytes: 10,
  }),
  executions: [],
  cache: cache && { workspaceId: 'ws-q', entityType: 'project', entityId: id, name: id, data: { id }, now: 1, ttlMs: 1_000, ...cache },
});

describe.each(dialects)('group commit with cache changes on %s', (dialect) => {
  let db: TDatabase;

  beforeAll(async () => {
    db = await openTestDatabase(dialect, PG);
  });
  afterAll(() => db?.close());

  it('writes the cache changes of a batch with its log rows, the last change of a key winning', async () => {
    const queue = createCommitQueue(db, { maxWaitMs: 20 });
    await Promise.all([
      queue.submit(write('p1', { name: 'first' })),
      queue.submit(write('p2')),
      queue.submit(write('p1', { name: 'second' })),
      queue.submit(write('p2', { delete: true })),
    ]);
    const rows: { entity_id: string; name: string }[] = await db.knex()(CACHE).where('workspace_id', 'ws-q').select('entity_id', 'name');
    expect(rows).toEqual([{ entity_id: 'p1', name: 'second' }]);
    expect(Number((await db.knex()(LOG).where('workspace_id', 'ws-q').count({ n: '*' }).first())?.n)).toBe(4);
    await queue.close();
  });

  it('gives 200 concurrent writes a handful of commits, each write acknowledged', async () => {
    // A commit is a knex transaction on SQLite and one prepared statement on its own pooled connection on PostgreSQL.
    let commits = 0;
    const counted = <T extends object>(target: T, prop: string | symbol) => (...args: unknown[]) => {
      commits++;

      return (Reflect.get(target, prop) as (...a: unknown[]) => unknown).apply(target, args);
    };
    const counting = {
      ...db,
      knex: () =>
        new Proxy(db.knex(), {
          get: (target, prop) => {
            if (prop === 'transaction') return counted(target, prop);
            if (prop === 'client')
              return new Proxy(target.client, { get: (c, p) => (p === 'acquireConnection' ? counted(c, p) : Reflect.get(c, p)) });

            return Reflect.get(target, prop);
          },
        }),
    } as TDatabase;
    const queue = createCommitQueue(counting, { maxWaitMs: 2, maxInFlight: 2 });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => queue.submit(write(`g${i}`))));
    expect(results.every((r) => r.duplicate === false)).toBe(true);
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThanOrEqual(10);
    await queue.close();
  });

  it('still stores and acknowledges the webhooks when their cache change fails (savepoint; on PostgreSQL the batch again without it)', async () => {
    const errors: unknown[] = [];
    const queue = createCommitQueue(db, { maxWaitMs: 20, onCacheError: (err) => errors.push(err) });
    await db.knex().schema.renameTable(CACHE, `${CACHE}_away`);
    try {
      const results = await Promise.all([queue.submit(write('p3', {})), queue.submit(write('p4', {}))]);
      expect(results).toEqual([{ duplicate: false }, { duplicate: false }]);
    } finally {
      await db.knex().schema.renameTable(`${CACHE}_away`, CACHE);
    }
    expect(errors).toHaveLength(1);
    const stored = await db
      .knex()(LOG)
      .where('workspace_id', 'ws-q')
      .whereIn('payload', [JSON.stringify({ id: 'p3' }), JSON.stringify({ id: 'p4' })]);
    expect(stored).toHaveLength(2);
    await queue.close();
  });

  it('fails only the item that cannot be stored; the rest of its batch is committed and acknowledged', async () => {
    const queue = createCommitQueue(db, { maxWaitMs: 20 });
    const taken = write('solo-taken');
    await queue.submit(taken);
    // A second row with a primary key already used fails on both dialects; on PostgreSQL, \u0000 in jsonb too.
    const bad = [{ ...write('solo-dup'), log: { ...write('solo-dup').log, id: taken.log.id } }];
    if (dialect === 'postgresql') bad.push({ ...write('solo-nul'), log: { ...write('solo-nul').log, payload: '{"note":"\\u0000"}' } });
    const good = ['solo-1', 'solo-2', 'solo-3'].map((id) => write(id));
    const results = await Promise.allSettled([good[0]!, bad[0]!, good[1]!, ...bad.slice(1), good[2]!].map((w) => queue.submit(w)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(bad.length);
    const stored = await db
      .knex()(LOG)
      .whereIn(
        'id',
        good.map((w) => w.log.id),
      )
      .count({ n: '*' })
      .first();
    expect(Number(stored?.n)).toBe(3);
    await queue.close();
  });
});
