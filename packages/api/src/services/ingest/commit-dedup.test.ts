import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { newId, type TDatabase } from '@uw/db';
import { openTestDatabase, testDialects } from '@uw/db/testing';

import { createCommitQueue, type TIngestWrite } from './commit-queue';
import { executionRow, logRow } from './record';

const PG = process.env.UW_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dialects = await testDialects({ pgAdminUrl: PG, requirePg: process.env.CI === 'true' });
const DEDUP = 'universal_webhook_dedup';
const LOG = 'universal_webhook_log';
const EXECUTION = 'universal_webhook_flow_execution';
const CACHE = 'universal_webhook_entity_cache';
const HOUR = 3_600_000;

/** A webhook of `ws` claiming `key`, queueing one execution and upserting one cache entity (named after `tag`). */
function webhook(ws: string, key: string, tag: string): TIngestWrite {
  const log = logRow({
    workspace_id: ws,
    source: 'clockify',
    source_id: null,
    event_type: 'NEW_PROJECT',
    payload: { id: tag },
    headers: {},
    signature: 'valid',
    dedup_key: key,
    outcome: 'queued',
    reason: null,
    flowIds: ['flow-1'],
    size_bytes: 10,
  });
  const cache = { workspaceId: ws, entityType: 'project', entityId: key, name: tag, data: { id: tag }, now: Date.now(), ttlMs: HOUR };

  return {
    log,
    executions: [executionRow(ws, { flowId: 'flow-1', versionId: 'v-1' }, log.id)],
    dedup: { workspaceId: ws, key, expiresAt: Date.now() + HOUR },
    cache,
  };
}

describe.each(dialects)('ingest dedup in the group commit on %s', (dialect) => {
  let db: TDatabase;
  const sql = () => db.knex();
  const claimed = (ws: string, key: string) => sql()(DEDUP).where({ workspace_id: ws, dedup_key: key }).first('log_id', 'expires_at');
  const outcomeOf = async (id: string) => (await sql()(LOG).where({ id }).first('outcome', 'flow_ids', 'reason')) as Record<string, unknown>;
  const executionsOf = async (logId: string) => Number((await sql()(EXECUTION).where({ log_id: logId }).count({ n: '*' }).first())?.n);
  const cachedName = async (ws: string, id: string) =>
    ((await sql()(CACHE).where({ workspace_id: ws, entity_type: 'project', entity_id: id }).first('name')) as { name: string } | undefined)
      ?.name;

  beforeAll(async () => {
    db = await openTestDatabase(dialect, PG);
  });
  afterAll(() => db?.close());

  it('takes over a key past its window and keeps one inside it', async () => {
    const now = Date.now();
    await sql()(DEDUP).insert([
      { id: newId(), workspace_id: 'ws-x', dedup_key: 'old', log_id: 'log-before', expires_at: now - 1_000 },
      { id: newId(), workspace_id: 'ws-x', dedup_key: 'live', log_id: 'log-before', expires_at: now + HOUR },
    ]);
    const queue = createCommitQueue(db, { maxWaitMs: 20 });
    const [old, live] = [webhook('ws-x', 'old', 'a'), webhook('ws-x', 'live', 'b')];
    expect(await Promise.all([queue.submit(old), queue.submit(live)])).toEqual([{ duplicate: false }, { duplicate: true }]);
    await queue.close();

    const takenOver = await claimed('ws-x', 'old');
    expect(takenOver?.log_id).toBe(old.log.id);
    expect(Number(takenOver?.expires_at)).toBe(old.dedup!.expiresAt);
    expect((await claimed('ws-x', 'live'))?.log_id).toBe('log-before');
    expect(await executionsOf(old.log.id)).toBe(1);
    expect(await executionsOf(live.log.id)).toBe(0);
    expect((await outcomeOf(live.log.id)).outcome).toBe('duplicate');
  });

  it('sorts one batch into duplicates, in-batch repeats and fresh webhooks, each workspace on its own', async () => {
    await sql()(DEDUP).insert({ id: newId(), workspace_id: 'ws-a', dedup_key: 'seen', log_id: 'log-before', expires_at: Date.now() + HOUR });
    const batch = [
      webhook('ws-a', 'seen', 'a-dup'), // taken before, inside its window
      webhook('ws-a', 'new', 'a-first'),
      webhook('ws-b', 'seen', 'b-fresh'), // the same key in another workspace is that workspace's own
      webhook('ws-a', 'new', 'a-repeat'), // repeats a key claimed earlier in this batch
      webhook('ws-b', 'twice', 'b-first'),
      webhook('ws-b', 'twice', 'b-repeat'),
    ];
    const queue = createCommitQueue(db, { maxWaitMs: 50 });
    const results = await Promise.all(batch.map((w) => queue.submit(w)));
    await queue.close();

    expect(results.map((r) => r.duplicate)).toEqual([true, false, false, true, false, true]);
    for (const [i, w] of batch.entries()) {
      const row = await outcomeOf(w.log.id);
      const duplicate = results[i]!.duplicate;
      expect(row.outcome).toBe(duplicate ? 'duplicate' : 'queued');
      expect(JSON.parse(String(typeof row.flow_ids === 'string' ? row.flow_ids : JSON.stringify(row.flow_ids)))).toEqual(
        duplicate ? [] : ['flow-1'],
      );
      expect(await executionsOf(w.log.id)).toBe(duplicate ? 0 : 1);
    }
    expect((await claimed('ws-a', 'seen'))?.log_id).toBe('log-before');
    expect((await claimed('ws-a', 'new'))?.log_id).toBe(batch[1]!.log.id);
    expect((await claimed('ws-b', 'seen'))?.log_id).toBe(batch[2]!.log.id);
    expect((await claimed('ws-b', 'twice'))?.log_id).toBe(batch[4]!.log.id);
    // Only the webhooks that kept their claim changed the cache.
    expect(await cachedName('ws-a', 'seen')).toBeUndefined();
    expect(await cachedName('ws-a', 'new')).toBe('a-first');
    expect(await cachedName('ws-b', 'seen')).toBe('b-fresh');
    expect(await cachedName('ws-b', 'twice')).toBe('b-first');
  });

  it('stores cache data already serialised as given, and data other than the payload as its own', async () => {
    const [given, own] = [webhook('ws-s', 'k', 'serialised'), webhook('ws-s', 'k2', 'payload')];
    const queue = createCommitQueue(db, { maxWaitMs: 20 });
    await Promise.all([
      queue.submit({ ...given, cache: { ...given.cache!, data: { stale: true }, dataJson: given.log.payload! } }),
      queue.submit({ ...own, cache: { ...own.cache!, data: { other: [1, 'two'] } } }),
    ]);
    await queue.close();
    const dataOf = async (id: string) => {
      const row = await sql()(CACHE).where({ workspace_id: 'ws-s', entity_id: id }).first('data');

      return typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
    };
    expect(await dataOf('k')).toEqual({ id: 'serialised' });
    expect(await dataOf('k2')).toEqual({ other: [1, 'two'] });
  });

  it('fails alone an item that cannot be stored in a batch with cache changes, the others keeping theirs', async () => {
    const taken = webhook('ws-f', 'taken', 'taken');
    const errors: unknown[] = [];
    const queue = createCommitQueue(db, { maxWaitMs: 20, onCacheError: (err) => errors.push(err) });
    await queue.submit(taken);
    // The same log id again: the row cannot be stored, whatever happens to its cache change.
    const bad = { ...webhook('ws-f', 'bad', 'bad'), log: { ...webhook('ws-f', 'bad', 'bad').log, id: taken.log.id } };
    const good = [webhook('ws-f', 'g1', 'g1'), webhook('ws-f', 'g2', 'g2')];
    const results = await Promise.allSettled([good[0]!, bad, good[1]!].map((w) => queue.submit(w)));
    await queue.close();

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(errors).toEqual([]);
    expect(await cachedName('ws-f', 'g1')).toBe('g1');
    expect(await cachedName('ws-f', 'g2')).toBe('g2');
    expect(await cachedName('ws-f', 'bad')).toBeUndefined();
    expect(await claimed('ws-f', 'bad')).toBeUndefined();
  });

  it('splits batches past their byte limit, a repeat in the next batch still a duplicate', async () => {
    let commits = 0;
    const queue = createCommitQueue(db, { maxWaitMs: 20, maxBatchBytes: 1, onExecutions: () => commits++ });
    const writes = [webhook('ws-w', 'k', 'first'), webhook('ws-w', 'k', 'again'), webhook('ws-w', 'j', 'other')];
    const results = await Promise.all(writes.map((w) => queue.submit(w)));
    await queue.close();
    // The two batches with key k may commit at once (two in flight): either may win, never both.
    expect(results[0]!.duplicate).not.toBe(results[1]!.duplicate);
    expect(results[2]!.duplicate).toBe(false);
    // One commit per write (each queued executions but the duplicate).
    expect(commits).toBe(2);
    const dup = writes[results[0]!.duplicate ? 0 : 1]!;
    expect(await executionsOf(dup.log.id)).toBe(0);
    expect((await outcomeOf(dup.log.id)).outcome).toBe('duplicate');
  });
});
