import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BOOTSTRAP_LOOKAHEAD, getBootstrapStatus } from '@uw/api';
import { testDialects } from '@uw/db/testing';

import { startFlowScenario, type TFlowScenario } from './flow-support';
import { REQUIRE_PG, simData, TEST_PG_ADMIN_URL, waitFor } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'b0075a5c5000000000000001';
const MAX_RPS = 8;
const PROJECTS = 14;

/** Issue 16 point 10: the bootstrap follows the tasks of every cached project, within max_rps, resumably. */
describe.each(dialects)('bootstrap follows the tasks of every project on %s', (dialect) => {
  let sim: TFlowScenario['sim'];
  let server: TFlowScenario['server'];
  let api: TFlowScenario['api'];
  let scenario: TFlowScenario | undefined;
  const status = () => getBootstrapStatus(server.deps.api, ws);
  const tasksPath = (projectId: string) => `/api/v1/workspaces/${ws}/projects/${projectId}/tasks`;
  const taskRequests = () => sim.requests.filter((r) => r.workspaceId === ws && r.path.endsWith('/tasks')).map((r) => r.path);
  const taskSteps = async () => (await status()).plan.filter((p) => p.operationId === 'getTasks' && p.included);

  beforeAll(async () => {
    scenario = await startFlowScenario({
      dialect,
      workspaceId: ws,
      seed: { anchor: Date.now(), workspaces: [{ id: ws, users: 2, projects: PROJECTS, clients: 2, timeEntries: 5 }] },
    });
    ({ sim, server, api } = scenario);
    await sim.sendLifecycle(
      { addonUrl: server.url, kind: 'settings-updated', workspaceId: ws },
      {
        settings: [
          { id: 'max_rps', name: 'max_rps', value: MAX_RPS },
          { id: 'include_time_entries', name: 'include_time_entries', value: false },
        ],
      },
    );
  });
  afterAll(() => scenario?.close());

  it('plans the tasks list once per cached project; stopped midway, the resumed run fetches only the projects not done', async () => {
    const runtime = server.deps.runtime;
    const planned = (await api.bootstrap.status.query()).nextPlan!.find((p) => p.operationId === 'getTasks');
    expect(planned).toMatchObject({ included: true, entityType: 'task', parentId: null });
    sim.clearRequests();
    const first = await runtime.bootstraps.start(ws, { restart: true, pageSize: 50 });
    await waitFor(async () => (await taskSteps()).filter((s) => s.done).length >= 3, 30_000, 5);
    await runtime.bootstraps.stop();
    expect(await first.done).toBe('stopped');
    const stopped = await taskSteps();
    // The placeholder became one step per project, stored in the plan, so the resumed run walks the same ones.
    expect(stopped.map((s) => s.parentId).sort()).toEqual(
      simData(sim, ws)
        .projects.map((p) => p.id)
        .sort(),
    );
    const done = stopped.filter((s) => s.done).map((s) => tasksPath(s.parentId!));
    expect(done.length).toBeGreaterThanOrEqual(3);
    expect(done.length).toBeLessThan(PROJECTS);
    const before = taskRequests();
    sim.clearRequests();

    expect(await runtime.bootstraps.resume({ pageSize: 50 })).toEqual({ resumed: 1 });
    const finished = await waitFor(
      async () => {
        const s = await status();

        return s.status !== 'running' ? s : null;
      },
      30_000,
      20,
    );
    expect(finished).toMatchObject({ status: 'completed', errors: [] });
    const after = taskRequests();
    expect(after.filter((p) => done.includes(p))).toEqual([]);
    // Every project's tasks were asked; at most the lists in flight at the stop were asked twice.
    expect(new Set([...before, ...after])).toEqual(new Set(stopped.map((s) => tasksPath(s.parentId!))));
    expect(before.length + after.length).toBeLessThanOrEqual(PROJECTS + BOOTSTRAP_LOOKAHEAD);
    expect(sim.countPerSecond(ws)).toBeLessThanOrEqual(MAX_RPS);
  });

  it('task pickers find every task, each with its project', async () => {
    const tasks = simData(sim, ws).tasks;
    expect(tasks.length).toBeGreaterThan(PROJECTS);
    const counts = Object.fromEntries((await api.cache.counts.query()).map((c) => [c.entityType, c.count]));
    expect(counts.task).toBe(tasks.length);
    const hits = await api.cache.search.query({ entityType: 'task', limit: 100 });
    const byId = new Map(hits.map((h) => [h.id, (h.data as { projectId?: string }).projectId]));
    expect(Object.fromEntries(tasks.map((t) => [t.id, byId.get(t.id)]))).toEqual(Object.fromEntries(tasks.map((t) => [t.id, t.projectId])));
    // A project's task picker asks for that project's tasks only.
    const project = simData(sim, ws).projects[1]!;
    const ofProject = await api.cache.search.query({ entityType: 'task', projectId: project.id, limit: 100 });
    expect(ofProject.map((h) => h.id).sort()).toEqual(
      tasks
        .filter((t) => t.projectId === project.id)
        .map((t) => t.id)
        .sort(),
    );
    expect(await api.cache.search.query({ entityType: 'task', projectId: 'no-such-project' })).toEqual([]);
  });
});
