import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSimulator, type TSimulator } from '../src/index';
import { call, OPENAPI } from './utils';

type TObj = Record<string, unknown> & { id: string };

describe('simulated handlers', () => {
  let sim: TSimulator;
  let base = '';
  beforeAll(async () => {
    sim = await startSimulator({
      openapiPath: OPENAPI,
      seed: { workspaces: [{ users: 3, projects: 2, tasksPerProject: 2, timeEntries: 30 }] },
    });
    base = `/api/v1/workspaces/${sim.workspace().id}`;
  });
  afterAll(() => sim.close());

  it('serves the user, the workspaces and the workspace', async () => {
    const user = await call(sim, { method: 'GET', path: '/api/v1/user' });
    expect(user.body).toMatchObject({ id: sim.workspace().ownerId, activeWorkspace: sim.workspace().id });
    expect((await call(sim, { method: 'GET', path: '/api/v1/workspaces' })).body).toEqual([
      expect.objectContaining({ id: sim.workspace().id }),
    ]);
    expect((await call(sim, { method: 'GET', path: base })).body).toMatchObject({ id: sim.workspace().id, name: sim.workspace().name });
  });

  it('creates, updates, archives and deletes a project (active projects cannot be deleted)', async () => {
    const created = (await call(
      sim,
      { method: 'POST', path: `${base}/projects` },
      { body: { name: 'Skunkworks', billable: true, color: '#112233' } },
    )) as {
      status: number;
      body: TObj;
    };
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Skunkworks', billable: true, color: '#112233', workspaceId: sim.workspace().id });
    expect((await call(sim, { method: 'POST', path: `${base}/projects` }, { body: { name: 'Skunkworks' } })).status).toBe(400);
    const id = created.body.id;
    expect((await call(sim, { method: 'PUT', path: `${base}/projects/${id}` }, { body: { note: 'n' } })).body).toMatchObject({ note: 'n' });
    expect((await call(sim, { method: 'DELETE', path: `${base}/projects/${id}` })).status).toBe(400);
    await call(sim, { method: 'PUT', path: `${base}/projects/${id}` }, { body: { archived: true } });
    expect((await call(sim, { method: 'DELETE', path: `${base}/projects/${id}` })).status).toBe(200);
    expect((await call(sim, { method: 'GET', path: `${base}/projects/${id}` })).status).toBe(404);
  });

  it('handles clients, tags and tasks', async () => {
    const client = (await call(sim, { method: 'POST', path: `${base}/clients` }, { body: { name: 'Client Z' } })).body as TObj;
    expect((await call(sim, { method: 'GET', path: `${base}/clients` }, { query: { name: 'client z' } })).body).toEqual([
      expect.objectContaining({ id: client.id }),
    ]);
    expect((await call(sim, { method: 'DELETE', path: `${base}/clients/${client.id}` })).status).toBe(200);
    const tag = (await call(sim, { method: 'POST', path: `${base}/tags` }, { body: { name: 'zz-tag' } })).body as TObj;
    expect((await call(sim, { method: 'PUT', path: `${base}/tags/${tag.id}` }, { body: { name: 'zz-renamed' } })).body).toMatchObject({
      name: 'zz-renamed',
    });
    const project = sim.workspace().data.projects[0]!;
    const task = (await call(sim, { method: 'POST', path: `${base}/projects/${project.id}/tasks` }, { body: { name: 'QA' } })) as {
      status: number;
      body: TObj;
    };
    expect(task.status).toBe(201);
    expect((await call(sim, { method: 'GET', path: `${base}/projects/${project.id}/tasks` })).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: task.body.id })]),
    );
    expect((await call(sim, { method: 'DELETE', path: `${base}/projects/${project.id}/tasks/${task.body.id}` })).status).toBe(200);
  });

  it("lists a user's time entries newest first, filtered by start/end, paged with Last-Page", async () => {
    const ws = sim.workspace();
    const user = ws.data.users[0]!;
    const all = ws.data.timeEntries.filter((e) => e.userId === user.id);
    const page1 = await call(sim, { method: 'GET', path: `${base}/user/${user.id}/time-entries` }, { query: { 'page-size': '4' } });
    expect(page1.headers.get('last-page')).toBe('false');
    expect((page1.body as TObj[]).map((e) => e.id)).toEqual(
      [...all]
        .sort((a, b) => b.timeInterval.start.localeCompare(a.timeInterval.start))
        .slice(0, 4)
        .map((e) => e.id),
    );
    const last = await call(
      sim,
      { method: 'GET', path: `${base}/user/${user.id}/time-entries` },
      {
        query: { 'page-size': '4', page: String(Math.ceil(all.length / 4)) },
      },
    );
    expect(last.headers.get('last-page')).toBe('true');
    const start = all[2]!.timeInterval.start;
    const windowed = (
      await call(
        sim,
        { method: 'GET', path: `${base}/user/${user.id}/time-entries` },
        { query: { start, end: all[0]!.timeInterval.start } },
      )
    ).body as TObj[];
    expect(windowed.length).toBe(
      all.filter((e) => e.timeInterval.start >= start && e.timeInterval.start <= all[0]!.timeInterval.start).length,
    );
  });

  it('creates (running), updates, reads and deletes a time entry', async () => {
    const project = sim.workspace().data.projects[0]!;
    const created = (await call(
      sim,
      { method: 'POST', path: `${base}/time-entries` },
      {
        body: { start: '2025-02-03T09:00:00Z', projectId: project.id, description: 'timer' },
      },
    )) as { status: number; body: TObj };
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      projectId: project.id,
      userId: sim.workspace().ownerId,
      timeInterval: { start: '2025-02-03T09:00:00Z', end: null },
    });
    const id = created.body.id;
    const updated = await call(
      sim,
      { method: 'PUT', path: `${base}/time-entries/${id}` },
      {
        body: { start: '2025-02-03T09:00:00Z', end: '2025-02-03T10:30:00Z', description: 'done' },
      },
    );
    expect(updated.body).toMatchObject({ description: 'done', timeInterval: { duration: 'PT1H30M' } });
    expect((await call(sim, { method: 'GET', path: `${base}/time-entries/${id}` }, { query: { hydrated: 'true' } })).body).toMatchObject({
      id,
      user: expect.any(Object),
    });
    expect(
      (await call(sim, { method: 'POST', path: `${base}/time-entries` }, { body: { start: '2025-02-03T09:00:00Z', projectId: 'nope' } }))
        .status,
    ).toBe(400);
    expect((await call(sim, { method: 'DELETE', path: `${base}/time-entries/${id}` })).status).toBe(204);
    expect((await call(sim, { method: 'GET', path: `${base}/time-entries/${id}` })).status).toBe(404);
  });

  it('serves users, groups, expenses, approvals, time off, holidays and custom fields from the seed', async () => {
    const ws = sim.workspace().data;
    expect((await call(sim, { method: 'GET', path: `${base}/users` })).body).toHaveLength(ws.users.length);
    expect((await call(sim, { method: 'GET', path: `${base}/user-groups` })).body).toHaveLength(ws.userGroups.length);
    expect((await call(sim, { method: 'GET', path: `${base}/expenses` })).body).toMatchObject({ expenses: { count: ws.expenses.length } });
    expect((await call(sim, { method: 'GET', path: `${base}/approval-requests` })).body).toEqual([
      expect.objectContaining({ approvalRequest: expect.objectContaining({ id: ws.approvalRequests[0]!.id }) }),
    ]);
    expect((await call(sim, { method: 'GET', path: `${base}/holidays` })).body).toHaveLength(1);
    expect((await call(sim, { method: 'GET', path: `${base}/custom-fields` })).body).toHaveLength(1);
    const requests = await call(sim, { method: 'POST', path: `${base}/time-off/requests` }, { body: { statuses: ['PENDING'] } });
    expect(requests.body).toMatchObject({ count: 1 });
    const request = ws.timeOffRequests[0]!;
    const approved = await call(
      sim,
      { method: 'PATCH', path: `${base}/time-off/policies/${request.policyId}/requests/${request.id}` },
      {
        body: { status: 'APPROVED' },
      },
    );
    expect(approved.body).toMatchObject({ status: { statusType: 'APPROVED' } });
  });

  it('builds the detailed report from the stored time entries', async () => {
    const ws = sim.workspace();
    const user = ws.data.users[1]!;
    const res = await call(
      sim,
      { method: 'POST', path: `/reports/v1/workspaces/${ws.id}/reports/detailed` },
      {
        body: {
          dateRangeStart: '2020-01-01T00:00:00Z',
          dateRangeEnd: '2030-01-01T00:00:00Z',
          users: { ids: [user.id] },
          detailedFilter: { page: 1, pageSize: 3 },
        },
      },
    );
    expect(res.status).toBe(200);
    const report = res.body as { totals: { entriesCount: number }[]; timeentries: { userId: string }[] };
    expect(report.totals[0]!.entriesCount).toBe(ws.data.timeEntries.filter((e) => e.userId === user.id).length);
    expect(report.timeentries).toHaveLength(3);
    expect(report.timeentries.every((e) => e.userId === user.id)).toBe(true);
  });

  it('recorded no response-schema violations', () => expect(sim.violations).toEqual([]));
});
