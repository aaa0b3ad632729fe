import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDialects } from '@uw/db/testing';

import { startFlowScenario, type TFlowScenario } from './flow-support';
import { REQUIRE_PG, simData, TEST_PG_ADMIN_URL, waitFor } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const A = 'b0075a0000000000000000aa';
const B = 'b0075b0000000000000000bb';

/** The bootstrap and cache procedures, called by workspace A: nothing of B comes back, nothing of B changes. */
describe.each(dialects)('bootstrap and cache isolation on %s', (dialect) => {
  let sim: TFlowScenario['sim'];
  let server: TFlowScenario['server'];
  let apiA: TFlowScenario['api'];
  let scenario: TFlowScenario | undefined;
  const rowsOfB = async () => {
    const knex = server.deps.db.knex();
    const rows = await Promise.all(
      ['universal_webhook_bootstrap_state', 'universal_webhook_entity_cache'].map((t) => knex(t).where('workspace_id', B).orderBy('id')),
    );

    return JSON.stringify(rows);
  };

  beforeAll(async () => {
    scenario = await startFlowScenario({
      dialect,
      workspaceId: A,
      seed: {
        workspaces: [
          { id: A, users: 1, projects: 2 },
          { id: B, users: 2, projects: 3 },
        ],
      },
      installed: [A, B],
    });
    ({ sim, server, api: apiA } = scenario);
    // UW_BOOTSTRAP_RUN_ON_INSTALL is off in test servers: the bootstraps start explicitly here.
    for (const ws of [A, B]) expect(await (await server.deps.runtime.bootstraps.start(ws)).done).toBe('completed');
  });
  afterAll(() => scenario?.close());

  it('gives workspace A nothing of workspace B and changes nothing of B', async () => {
    const before = await rowsOfB();
    const idsOfB = [B, ...simData(sim, B).projects.map((p) => p.id), ...simData(sim, B).users.map((u) => u.id)];
    const results = [
      await apiA.bootstrap.status.query(),
      await apiA.cache.counts.query(),
      ...(await Promise.all(
        ['project', 'user', 'workspace', 'client', 'tag'].map((entityType) => apiA.cache.search.query({ entityType, limit: 100 })),
      )),
      await apiA.bootstrap.trigger.mutate({ restart: true }),
    ];
    for (const result of results) {
      const text = JSON.stringify(result);
      expect(idsOfB.filter((id) => text.includes(id))).toEqual([]);
    }
    await waitFor(async () => (await apiA.bootstrap.status.query()).status === 'completed');
    expect(await rowsOfB()).toBe(before);
  });
});
