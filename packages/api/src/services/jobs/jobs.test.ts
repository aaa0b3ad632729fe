import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { newId, type TDatabase } from '@uw/db';
import { openTestDatabase, testDialects } from '@uw/db/testing';

import type { TSettingsValues } from '../settings/definitions';
import { executionRow, logRow } from '../ingest/record';
import { tryAcquireJob } from './job-lock';
import { runRetention } from './retention';

const PG = process.env.UW_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dialects = await testDialects({ pgAdminUrl: PG, requirePg: process.env.CI === 'true' });
const DAY = 86_400_000;
const DEFAULTS = { log_retention_days: 90, execution_retention_days: 30 } as TSettingsValues;

describe.each(dialects)('periodic jobs on %s', (dialect) => {
  let db: TDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(dialect, PG);
  });
  afterAll(() => db?.close());

  it('lets exactly one of several concurrent processes run a job per period', async () => {
    const now = Date.now();
    const wins = await Promise.all(
      ['p1', 'p2', 'p3', 'p4'].map((p) => tryAcquireJob(db, { name: 'retention-test', owner: p, periodMs: 60_000, now })),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await tryAcquireJob(db, { name: 'retention-test', owner: 'p5', periodMs: 60_000, now: now + 1_000 })).toBe(false);
    expect(await tryAcquireJob(db, { name: 'retention-test', owner: 'p5', periodMs: 60_000, now: now + 61_000 })).toBe(true);
  });

  it("deletes logs and finished executions past each workspace's retention, keeps the rest", async () => {
    const now = Date.now();
    const knex = db.knex();
    await knex('universal_webhook_installation').insert({
      id: newId(),
      workspace_id: 'ws-r',
      addon_id: 'a',
      status: 'ACTIVE',
      token_cipher: null,
      api_url: 'http://x',
      reports_url: 'http://x',
      owner_user_id: null,
      settings: JSON.stringify({ log_retention_days: 10 }),
      installed_at: now,
      updated_at: now,
      uninstalled_at: null,
    });
    const log = (ageDays: number) =>
      logRow({
        workspace_id: 'ws-r',
        source: 'clockify',
        source_id: null,
        event_type: 'NEW_TAG',
        payload: {},
        headers: {},
        signature: 'valid',
        dedup_key: null,
        outcome: 'no_match',
        reason: null,
        size_bytes: 2,
        receivedAt: now - ageDays * DAY,
      });
    await knex('universal_webhook_log').insert([log(11), log(12), log(9), log(1)]);
    const old = { ...executionRow('ws-r', { flowId: 'f', versionId: 'v' }, null), status: 'succeeded', created_at: now - 40 * DAY };
    const oldRunning = { ...executionRow('ws-r', { flowId: 'f', versionId: 'v' }, null), status: 'running', created_at: now - 40 * DAY };
    await knex('universal_webhook_flow_execution').insert([old, oldRunning, executionRow('ws-r', { flowId: 'f', versionId: 'v' }, null)]);
    await knex('universal_webhook_dedup').insert([
      { id: newId(), workspace_id: 'ws-r', dedup_key: 'expired', log_id: 'l', expires_at: now - 1 },
      { id: newId(), workspace_id: 'ws-r', dedup_key: 'live', log_id: 'l', expires_at: now + DAY },
    ]);

    await knex('universal_webhook_lifecycle_token').insert([
      { token_hash: 'a'.repeat(64), workspace_id: 'ws-r', used_at: now - DAY, expires_at: now - 1 },
      { token_hash: 'b'.repeat(64), workspace_id: 'ws-r', used_at: now, expires_at: now + DAY },
    ]);

    const result = await runRetention(db, DEFAULTS, now);

    expect(result).toEqual({ logs: 2, executions: 1, dedup: 1, lifecycleTokens: 1 });
    expect(Number((await knex('universal_webhook_log').where('workspace_id', 'ws-r').count({ n: '*' }).first())?.n)).toBe(2);
    const remaining = await knex('universal_webhook_flow_execution').where('workspace_id', 'ws-r').select('status');
    expect(remaining.map((r: { status: string }) => r.status).sort()).toEqual(['queued', 'running']);
    expect((await knex('universal_webhook_dedup').select('dedup_key')).map((r: { dedup_key: string }) => r.dedup_key)).toEqual(['live']);
    const tokens = await knex('universal_webhook_lifecycle_token').select('token_hash');
    expect(tokens.map((r: { token_hash: string }) => r.token_hash)).toEqual(['b'.repeat(64)]);
  });
});
