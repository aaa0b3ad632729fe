import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BOOTSTRAP_LOOKAHEAD, createRuntime, getBootstrapStatus, type TBootstrapView, type TPlanView, type TRuntime } from '@uw/api';
import { createClient } from '@uw/client';
import { testDialects } from '@uw/db/testing';

import { startFlowScenario, type TFlowScenario } from './flow-support';
import { installLikeClockify, REQUIRE_PG, simData, TEST_PG_ADMIN_URL, trpcClient, waitFor } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'b0075742a900000000000001';
const MAX_RPS = 25;
/** Small pages make many requests from a small workspace: enough to see several rate-limited seconds. */
const PAGE = 5;

const tally = (paths: string[]) => paths.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p]: (acc[p] ?? 0) + 1 }), {});

describe.each(dialects)('bootstrap on %s', (dialect) => {
  let sim: TFlowScenario['sim'];
  let server: TFlowScenario['server'];
  let runtime: TRuntime;
  let other: TRuntime;
  let api: ReturnType<typeof trpcClient>;
  let scenario: TFlowScenario | undefined;
  let fullRun: Record<string, number> = {};
  const status = () => getBootstrapStatus(server.deps.api, ws);
  const requestPaths = () => sim.requests.filter((r) => r.workspaceId === ws).map((r) => r.path);
  const sentPath = (step: TPlanView) =>
    `/${step.host}${step.path
      .replace('{workspaceId}', ws)
      .replace('{userId}', step.userId ?? '')
      .replace('{projectId}', step.parentId ?? '')}`;
  const settings = (values: Record<string, unknown>) =>
    sim.sendLifecycle(
      { addonUrl: server.url, kind: 'settings-updated', workspaceId: ws },
      {
        settings: Object.entries(values).map(([id, value]) => ({ id, name: id, value })),
      },
    );
  const finished = (timeoutMs = 30_000) =>
    waitFor(
      async () => {
        const s = await status();

        return s.status !== 'running' && s.status !== 'pending' && s.status !== 'idle' ? s : null;
      },
      timeoutMs,
      20,
    );
  const expectCacheMatchesSimulator = async () => {
    const d = simData(sim, ws);
    const counts = Object.fromEntries((await api.cache.counts.query()).map((c) => [c.entityType, c.count]));
    expect(counts).toMatchObject({
      workspace: 1,
      current_user: 1,
      user: d.users.length,
      project: d.projects.length,
      client: d.clients.length,
      tag: d.tags.length,
      time_entry: d.timeEntries.length,
      user_group: d.userGroups.length,
      custom_field: d.customFields.length,
      holiday: d.holidays.length,
      time_off_policy: d.policies.length,
      approval_request: d.approvalRequests.length,
      expense_category: d.expenseCategories.length,
      task: d.tasks.length,
    });
  };

  beforeAll(async () => {
    // Installed by the tests: the first one checks that INSTALLED starts a bootstrap.
    scenario = await startFlowScenario({
      dialect,
      workspaceId: ws,
      seed: { anchor: Date.now(), workspaces: [{ id: ws, users: 3, projects: 60, clients: 10, timeEntries: 200 }] },
      installed: [],
      server: { env: { UW_BOOTSTRAP_RUN_ON_INSTALL: 'true' } },
    });
    ({ sim, server, api } = scenario);
    runtime = server.deps.runtime;
    other = createRuntime(server.deps.api);
  });
  afterAll(async () => {
    await other?.bootstraps.stop();
    await other?.close();
    await scenario?.close();
  });

  it('runs on INSTALLED when run_on_install is on (the default), with the default plan', async () => {
    expect((await installLikeClockify(sim, server.url, ws)).status).toBe(200);
    const done = await finished();
    expect(done.status).toBe('completed');
    expect(done.plan.find((p) => p.operationId === 'getTimeEntries')).toMatchObject({
      included: false,
      reason: expect.stringContaining('include_time_entries'),
    });
    expect(done.progress).toBe(1);
    expect(done.entities).toBeGreaterThan(60);
  });

  it('does not run on INSTALLED when run_on_install is off', async () => {
    expect((await settings({ run_on_install: false })).status).toBe(200);
    const before = await status();
    expect((await installLikeClockify(sim, server.url, ws)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect((await status()).startedAt).toBe(before.startedAt);
  });

  it('derives the plan from the catalogue; include_time_entries and include_heavy change it, with reasons', async () => {
    const plan = async () => (await api.bootstrap.status.query()).nextPlan!;
    const find = (steps: TPlanView[], id: string) => steps.find((s) => s.operationId === id)!;
    let steps = await plan();
    expect(find(steps, 'getProjects')).toMatchObject({ included: true, entityType: 'project' });
    expect(find(steps, 'getLoggedUser').included).toBe(true);
    expect(find(steps, 'getTasks')).toMatchObject({
      included: true,
      entityType: 'task',
      reason: expect.stringContaining('every cached project'),
    });
    expect(find(steps, 'getTask')).toMatchObject({ included: false, reason: 'needs path parameter taskId, projectId' });
    expect(find(steps, 'getWebhooks')).toMatchObject({ included: false, reason: expect.stringContaining('credentials') });
    expect(find(steps, 'getSharedReportsV1')).toMatchObject({
      included: false,
      heavy: true,
      reason: expect.stringContaining('reports host'),
    });
    expect(find(steps, 'getExpenses')).toMatchObject({ included: false, heavy: true });
    expect(steps.filter((s) => s.entityType === 'time_entry').every((s) => !s.included)).toBe(true);
    expect(steps.every((s) => s.reason.length > 0)).toBe(true);

    await settings({ include_heavy: true, include_time_entries: true });
    steps = await plan();
    expect(find(steps, 'getSharedReportsV1')).toMatchObject({ included: true, reason: expect.stringContaining('include_heavy') });
    expect(find(steps, 'getExpenses').included).toBe(true);
    expect(find(steps, 'getTimeEntries')).toMatchObject({ included: true, reason: expect.stringContaining('last 30 days') });
    await settings({ include_heavy: false });
    expect(find(await plan(), 'getSharedReportsV1').included).toBe(false);
  });

  it('stores every entity the plan covers, never above max_rps in any aligned second, in about requests/max_rps', async () => {
    await settings({ max_rps: MAX_RPS, include_time_entries: true, time_entry_days_back: 30 });
    sim.clearRequests();
    // Start early in a second. Known limiter gap (reported): a permit granted in the last milliseconds of a
    // second is counted there, but the request reaches Clockify in the next one, which can then see max_rps + 1.
    await waitFor(async () => Date.now() % 1000 < 100, 2_000, 1);
    const t0 = Date.now();
    const run = await runtime.bootstraps.start(ws, { restart: true, pageSize: PAGE });
    expect(run.started).toBe(true);
    expect(await run.done).toBe('completed');
    const wallMs = Date.now() - t0;
    const paths = requestPaths();
    fullRun = tally(paths);
    await expectCacheMatchesSimulator();
    expect(sim.countPerSecond(ws)).toBeLessThanOrEqual(MAX_RPS);
    expect(sim.requests.every((r) => r.status === 200)).toBe(true);
    // Rate-limited: N requests span ceil(N/max_rps) aligned seconds, the first of them partial; and no
    // slower than 1.5 × requests/max_rps plus 2 s of slack.
    const idealMs = (paths.length / MAX_RPS) * 1000;
    expect(wallMs).toBeGreaterThanOrEqual((Math.ceil(paths.length / MAX_RPS) - 2) * 1000);
    expect(wallMs).toBeLessThanOrEqual(idealMs * 1.5 + 2_000);
    console.log(
      `[bootstrap ${dialect}] ${paths.length} requests at max_rps ${MAX_RPS}: ${wallMs} ms (requests/max_rps = ${Math.round(idealMs)} ms; busiest second ${sim.countPerSecond(ws)})`,
    );
    const s = await status();
    expect(s).toMatchObject({ status: 'completed', progress: 1, opsDone: s.opsTotal, errors: [], current: null });
    expect(s.pages).toBe(paths.length);
    expect(
      s.plan
        .filter((p) => p.operationId === 'getTimeEntries' && p.included)
        .map((p) => p.userId)
        .sort(),
    ).toEqual(
      simData(sim, ws)
        .users.map((u) => u.id)
        .sort(),
    );
    expect(fullRun[`/api/v1/workspaces/${ws}/projects`]).toBe(Math.ceil(60 / PAGE));
  });

  it('slows a running bootstrap down as soon as max_rps is lowered in Clockify', async () => {
    await settings({ max_rps: MAX_RPS, include_time_entries: true, time_entry_days_back: 30 });
    sim.clearRequests();
    const run = await runtime.bootstraps.start(ws, { restart: true, pageSize: PAGE });
    expect(run.started).toBe(true);
    await waitFor(async () => requestPaths().length >= 20, 10_000, 5);
    const LOWER = 3;
    expect((await settings({ max_rps: LOWER })).status).toBe(200);
    const loweredIn = Math.floor(Date.now() / 1000);
    try {
      await new Promise((r) => setTimeout(r, 2_500));
      await runtime.bootstraps.stop(ws);
      expect(await run.done).toBe('stopped');
    } finally {
      await settings({ max_rps: MAX_RPS });
    }
    const after = sim.requests.filter((r) => r.workspaceId === ws && Math.floor(r.at / 1000) > loweredIn);
    const perSecond = Object.values(tally(after.map((r) => String(Math.floor(r.at / 1000)))));
    // The same run, the same client: from the next whole second on, the lowered limit holds (and it went on).
    expect(perSecond.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...perSecond), JSON.stringify(perSecond)).toBeLessThanOrEqual(LOWER);
  });

  it('resumes an interrupted run where it stopped, without refetching completed operations', async () => {
    sim.clearRequests();
    const first = await runtime.bootstraps.start(ws, { restart: true, pageSize: PAGE });
    await waitFor(async () => (await status()).opsDone >= 6, 20_000, 5);
    await runtime.bootstraps.stop();
    expect(await first.done).toBe('stopped');
    const stopped = await status();
    expect(stopped).toMatchObject({ status: 'running', active: false });
    expect(stopped.opsDone).toBeLessThan(stopped.opsTotal);
    const completed = stopped.plan.filter((p) => p.included && p.done).map(sentPath);
    const before = requestPaths();
    sim.clearRequests();
    expect(await runtime.bootstraps.resume({ pageSize: PAGE })).toEqual({ resumed: 1 });
    expect((await finished()).status).toBe('completed');
    const after = requestPaths();
    expect(completed.length).toBeGreaterThanOrEqual(6);
    expect(after.filter((p) => completed.includes(p))).toEqual([]);
    // At most the pages in flight at the abort (one per step fetching ahead) are asked twice.
    expect(before.length + after.length).toBeLessThanOrEqual(Object.values(fullRun).reduce((a, b) => a + b, 0) + BOOTSTRAP_LOOKAHEAD);
    await expectCacheMatchesSimulator();
  });

  it('runs one bootstrap per workspace: two runners started at once (two runtimes, as two processes) → only one runs', async () => {
    sim.clearRequests();
    const results = await Promise.all([
      runtime.bootstraps.start(ws, { restart: true, pageSize: PAGE }),
      other.bootstraps.start(ws, { restart: true, pageSize: PAGE }),
    ]);
    expect(results.filter((r) => r.started)).toHaveLength(1);
    expect(results.find((r) => !r.started)!.reason).toMatch(/already running/);
    expect(await results.find((r) => r.started)!.done).toBe('completed');
    expect(tally(requestPaths())).toEqual(fullRun);
  });

  it('fences a run whose lease was taken: the old runner stops writing, the new owner finishes from the cursor', async () => {
    const first = await runtime.bootstraps.start(ws, { restart: true, pageSize: PAGE, leaseMs: 60_000 });
    await waitFor(async () => (await status()).opsDone >= 4, 20_000, 5);
    // The lease passes to a process that then dies (as when a stalled process's lease expires and another takes it).
    await server.deps.db
      .knex()('universal_webhook_bootstrap_state')
      .where('workspace_id', ws)
      .update({ lease_owner: 'crashed-process', lease_until: 1 });
    expect(await first.done).toBe('lease_lost');
    expect(await other.bootstraps.resume({ pageSize: PAGE })).toEqual({ resumed: 1 });
    const done = await finished();
    expect(done.status).toBe('completed');
    await expectCacheMatchesSimulator();
  });

  it('bootstrap.trigger is for admins; bootstrap.progress streams the state (SSE) until the run completes', async () => {
    const userApi = trpcClient(server.url, await sim.userToken(ws, { role: 'USER' }));
    const denied = await userApi.bootstrap.trigger.mutate({}).catch((err: unknown) => err);
    expect(denied).toBeInstanceOf(TRPCClientError);
    expect(((denied as TRPCClientError<never>).data as { code?: string } | undefined)?.code).toBe('FORBIDDEN');
    const sse = createClient({ url: server.url, token: await sim.userToken(ws, { role: 'USER' }) });
    const seen: TBootstrapView[] = [];
    const completed = new Promise<void>((resolve, reject) => {
      const sub = sse.bootstrap.progress.subscribe(undefined, {
        onData: (state) => {
          seen.push(state as TBootstrapView);
          if (seen.length > 1 && state.status === 'completed') {
            sub.unsubscribe();
            resolve();
          }
        },
        onError: reject,
      });
    });
    await new Promise((r) => setTimeout(r, 200));
    const triggered = await api.bootstrap.trigger.mutate({ restart: true });
    expect(triggered).toMatchObject({ started: true, resumed: false, reason: null });
    expect((await api.bootstrap.trigger.mutate({})).started).toBe(false);
    await completed;
    const running = seen.filter((s) => s.status === 'running');
    expect(running.length).toBeGreaterThan(2);
    expect(running.some((s) => s.progress > 0 && s.progress < 1 && s.current !== null)).toBe(true);
    expect(running.some((s) => s.etaAt !== null)).toBe(true);
  });

  it('settings change what is fetched: heavy on, time entries off', async () => {
    await settings({ include_heavy: true, include_time_entries: false });
    sim.clearRequests();
    const run = await runtime.bootstraps.start(ws, { restart: true });
    expect(await run.done).toBe('completed');
    const paths = requestPaths();
    expect(paths).toContain(`/reports/v1/workspaces/${ws}/shared-reports`);
    expect(paths).toContain(`/api/v1/workspaces/${ws}/expenses`);
    expect(paths.some((p) => p.includes('time-entries'))).toBe(false);
    const counts = Object.fromEntries((await api.cache.counts.query()).map((c) => [c.entityType, c.count]));
    expect(counts.expense).toBe(simData(sim, ws).expenses.length);
    await settings({ include_heavy: false });
  });
});
