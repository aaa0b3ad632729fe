/** Issue 15's data: waiting executions are claimed at their resume time only, and a schedule tick fires once however many insert it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { executionLeaseQueries, executionQueries, scheduleFireQueries, TABLE, type TDatabase } from '../src';
import { openTestDatabase, testDialects } from '../src/testing';
import { REQUIRE_PG, TEST_PG_ADMIN_URL } from './env';
import { execution } from './fixtures';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'ws-waiting';

describe.each(dialects)('waiting executions and schedule fires on %s', (dialect) => {
  let db: TDatabase;
  const claim = (owner: string) => executionLeaseQueries.claimExecutions(db, { owner, limit: 50, leaseMs: 30_000, perWorkspace: 50 });

  beforeAll(async () => {
    db = await openTestDatabase(dialect, TEST_PG_ADMIN_URL);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('a parked execution is waiting until its resume time, then claimed as resumed', async () => {
    const row = execution(ws);
    await executionQueries.insertExecutions(db, [row]);
    const [claimed] = await claim('w1');
    expect(claimed).toMatchObject({ id: row.id, resumed: false, attempts: 1 });
    const resumeAt = Date.now() + 400;
    const [accepted] = await executionLeaseQueries.finishExecutions(db, [
      {
        held: { id: row.id, workspace_id: ws, lease_token: claimed!.lease_token },
        outcome: { status: 'waiting', runAfter: resumeAt, refund: true },
      },
    ]);
    expect(accepted).toBe(true);
    expect(await executionQueries.findExecution(db, ws, row.id)).toMatchObject({ status: 'waiting', finished_at: null, lease_owner: null });
    expect(await claim('w2')).toEqual([]);
    await new Promise((r) => setTimeout(r, 450));
    const [again] = await claim('w2');
    expect(again).toMatchObject({ id: row.id, resumed: true, reclaimed: false, attempts: 1 });
  });

  it('a tick inserted by many at once fires once, with one execution', async () => {
    const tickAt = Date.UTC(2026, 0, 5, 9, 0);
    const attempts = Array.from({ length: 6 }, () => {
      const row = execution(ws, { flow_id: 'flow-s', flow_version_id: 'version-w' });
      const fire = { flow_id: 'flow-s', tick_at: tickAt, workspace_id: ws, execution_id: row.id, fired_at: Date.now() };

      return scheduleFireQueries.fireScheduleTick(db, { fire, execution: row });
    });
    const won = await Promise.all(attempts);
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await db.knex()(TABLE.execution).where({ workspace_id: ws, flow_id: 'flow-s' })).toHaveLength(1);
    await db.knex()(TABLE.flow).insert({
      id: 'flow-s',
      workspace_id: ws,
      name: 'scheduled',
      enabled: true,
      current_version_id: 'version-w',
      current_version: 1,
      created_at: 1,
      updated_at: 1_000,
    });
    expect(await scheduleFireQueries.listScheduleAnchors(db, ws, ['flow-s'])).toEqual([
      { flowId: 'flow-s', updatedAt: 1_000, lastTickAt: tickAt },
    ]);
    expect(await scheduleFireQueries.listScheduleAnchors(db, 'another-workspace', ['flow-s'])).toEqual([]);
  });
});
