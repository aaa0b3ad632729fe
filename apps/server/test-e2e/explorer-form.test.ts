import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';

import { waitFor } from '../test/utils';
import { screenshot } from './support/browser';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000000e1601';

/** The operation page once its form is there. */
async function openOperation(e2e: { app: { open(page: Page, path: string): Promise<void> }; page: Page }, operationId: string) {
  await e2e.app.open(e2e.page, `/explorer/${operationId}`);
  await e2e.page.getByRole('region', { name: 'Request' }).waitFor();
}

describe('API explorer form, end to end', () => {
  const e2e = useE2eSuite(WS);
  // The entity cache the pickers read, filled by a bootstrap.
  beforeAll(async () => {
    await e2e.app.api.bootstrap.trigger.mutate({});
    await waitFor(async () => {
      const counts = await e2e.app.api.cache.counts.query();

      return ['client', 'task'].every((type) => counts.some((c) => c.entityType === type && c.count > 0)) ? true : null;
    }, 30_000);
  });
  const calls = (operationId: string) => e2e.app.sim.requests.filter((r) => r.operationId === operationId);

  it('sends an untouched "Get all projects" with no query parameter; Send is on screen; each parameter is listed once', async () => {
    const { app, page } = e2e;
    const projects = app.sim.workspace(WS).data.projects.map((p) => p.name);
    await openOperation(e2e, 'getProjects');
    const send = page.getByRole('button', { name: 'Send GET request' });
    const box = await send.boundingBox();
    expect(box && box.y + box.height).toBeLessThan(page.viewportSize()!.height);

    const query = page.getByRole('group', { name: 'Query parameters' });
    await query.getByText(/^Optional fields \(\d+\): none set, none sent$/).click();
    await expect.poll(() => page.getByLabel('billable', { exact: true }).count()).toBe(1);
    expect(await page.locator('label', { hasText: /^archived$/ }).count()).toBe(1);
    expect(await page.getByLabel('billable', { exact: true }).inputValue()).toBe('');
    await screenshot(page, 'explorer-get-projects-form');

    const before = calls('getProjects').length;
    await send.click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect.poll(() => response.locator('.badge').first().textContent()).toBe('HTTP 200');
    for (const name of projects)
      await expect.poll(() => response.getByRole('region', { name: 'response body' }).textContent()).toContain(name);
    const sent = calls('getProjects').slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query).toEqual({});
    await screenshot(page, 'explorer-get-projects-untouched');
  });

  it('labels array controls, picks ids from the cache, and sends exactly what was set', async () => {
    const { app, page } = e2e;
    const client = app.sim.workspace(WS).data.clients[0]!;
    await openOperation(e2e, 'getProjects');
    const query = page.getByRole('group', { name: 'Query parameters' });
    await query.getByText(/^Optional fields/).click();

    const clients = query.getByRole('group', { name: 'clients' });
    await expect.poll(() => clients.getByText('No items: not sent.').count()).toBe(1);
    await clients.getByRole('button', { name: 'Add clients item' }).click();
    const picker = clients.getByLabel('clients 1', { exact: true });
    await expect.poll(() => picker.locator('option', { hasText: client.name }).count()).toBe(1);
    await picker.selectOption({ label: client.name });
    await page.getByLabel('billable', { exact: true }).selectOption('true');
    await clients.getByRole('button', { name: 'Add clients item' }).click();
    await expect.poll(() => clients.getByRole('button', { name: /^Remove clients item \d$/ }).count()).toBe(2);
    await screenshot(page, 'explorer-array-controls');

    const before = calls('getProjects').length;
    await page.getByRole('button', { name: 'Send GET request' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Response' }).locator('.badge').first().textContent()).toBe('HTTP 200');
    // The second, empty item is not sent.
    expect(
      calls('getProjects')
        .slice(before)
        .map((r) => r.query),
    ).toEqual([{ clients: client.id, billable: 'true' }]);

    await clients.getByRole('button', { name: 'Remove clients item 2' }).click();
    await clients.getByRole('button', { name: 'Remove clients item 1' }).click();
    await expect.poll(() => clients.getByText('No items: not sent.').count()).toBe(1);
  });

  it('starts a body empty, names its missing required fields, and "Use in a flow" copies only what was set', async () => {
    const { app, page } = e2e;
    const client = app.sim.workspace(WS).data.clients[0]!;
    await openOperation(e2e, 'createNewProject');
    const body = page.getByRole('group', { name: 'Request body' });
    const name = body.getByLabel('name', { exact: true });
    expect(await name.inputValue()).toBe('');
    expect(await name.getAttribute('placeholder')).toBeTruthy();

    const before = calls('createNewProject').length;
    await page.getByRole('button', { name: 'Send POST request' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('body.name');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(calls('createNewProject').length).toBe(before);

    await name.fill('Overtime review');
    await body
      .getByText(/^Optional fields/)
      .first()
      .click();
    // Required fields of optional objects not started (costRate.amount) are not asked for.
    await expect.poll(() => body.getByRole('group', { name: 'costRate' }).count()).toBe(1);
    expect(await body.getByText('Required', { exact: true }).count()).toBe(0);
    const clientPicker = body.getByLabel('clientId', { exact: true });
    await expect.poll(() => clientPicker.locator('option', { hasText: client.name }).count()).toBe(1);
    await clientPicker.selectOption({ label: client.name });
    await screenshot(page, 'explorer-body-form');

    await page.getByRole('button', { name: 'Use in a flow' }).click();
    await page.waitForURL(/\/flows\/new\?/);
    const search = new URL(page.url()).searchParams;
    expect(JSON.parse(search.get('body') ?? 'null')).toEqual({ name: 'Overtime review', clientId: client.id });
    expect(JSON.parse(search.get('query') ?? '{}')).toEqual({});
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('New flow');
  });

  it("narrows a body's task picker to the project chosen beside it", async () => {
    const { app, page } = e2e;
    const data = app.sim.workspace(WS).data;
    const [first, second] = data.projects;
    const tasksOf = (projectId: string) => data.tasks.filter((t) => t.projectId === projectId).map((t) => t.name);
    expect(tasksOf(first!.id).length).toBeGreaterThan(0);
    await openOperation(e2e, 'createTimeEntry');
    const body = page.getByRole('group', { name: 'Request body' });
    await body
      .getByText(/^Optional fields/)
      .first()
      .click();
    await body.getByLabel('projectId', { exact: true }).selectOption({ label: first!.name });
    const taskPicker = body.getByLabel('taskId', { exact: true });
    const options = () => taskPicker.locator('option').allTextContents();
    await expect.poll(async () => (await options()).slice(1).sort()).toEqual(tasksOf(first!.id).sort());
    await body.getByLabel('projectId', { exact: true }).selectOption({ label: second!.name });
    await expect.poll(async () => (await options()).slice(1).sort()).toEqual(tasksOf(second!.id).sort());
    await screenshot(page, 'explorer-task-picker');
  });
});
