import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';

import { waitFor } from '../test/utils';
import { navigate } from './support/app';
import { screenshot } from './support/browser';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000000b1001';

type TIngestAnswer = { id: string; outcome: string };

/** The page's heading, once no loading state is left and nothing says it could not be loaded. */
async function settled(page: Page, heading: string | RegExp) {
  const h1 = page.getByRole('heading', { level: 1 });
  await expect.poll(() => h1.textContent()).toMatch(heading);
  await expect.poll(() => page.getByRole('main').locator('.state-loading').count()).toBe(0);
  expect(await page.getByRole('main').locator('.state-error, .state-unavailable').allTextContents()).toEqual([]);
}

describe('every page, end to end', () => {
  const e2e = useE2eSuite(WS);

  it('walks all ten pages through the app with a screenshot of each, no console error, and the token only in memory', async () => {
    const { app, page } = e2e;
    // Something on every page: a flow, a webhook that ran it, its execution.
    const projectId = app.sim.workspace(WS).data.projects[0]!.id;
    const flow = await app.api.flows.create.mutate({
      name: 'Read the project of new entries',
      enabled: true,
      description: 'e2e: every page',
      definition: {
        nodes: [
          {
            id: 'trigger',
            kind: 'trigger',
            label: 'When',
            position: { x: 0, y: 0 },
            data: { source: 'clockify', events: ['NEW_TIME_ENTRY'] },
          },
          { id: 'billable', kind: 'condition', label: 'Billable?', position: { x: 0, y: 140 }, data: { expression: 'payload.billable' } },
          {
            id: 'project',
            kind: 'clockify',
            label: 'Read the project',
            position: { x: 0, y: 280 },
            data: { operationId: 'getProject', path: { projectId: 'payload.projectId' }, query: {} },
          },
        ],
        edges: [
          { id: 'e1', source: 'trigger', target: 'billable' },
          { id: 'e2', source: 'billable', target: 'project' },
        ],
      },
    });
    const delivered = await app.sim.sendWebhook(
      { addonUrl: app.server.url, workspaceId: WS, eventType: 'NEW_TIME_ENTRY' },
      {
        body: { id: 'te-every-page', workspaceId: WS, projectId, billable: true, description: 'every page' },
      },
    );
    const logId = (delivered.response as TIngestAnswer).id;
    const execution = await waitFor(async () => {
      const [e] = (await app.api.webhooks.get.query({ id: logId })).executions;

      return e && (e.status === 'succeeded' || e.status === 'filtered' || e.status === 'failed') ? e : null;
    }, 15_000);
    expect(execution.status).toBe('succeeded');

    const token = await app.ownerToken();
    await page.goto(`${app.server.url}/?auth_token=${token}`);
    await expect.poll(() => page.url()).toBe(`${app.server.url}/`);
    await settled(page, 'Dashboard');
    // The token left the address bar and history entry, and was not put in storage either.
    // (browser code as strings: the server's TypeScript has no DOM types)
    expect(await page.evaluate<string>('window.location.href')).not.toContain('auth_token');
    expect(await page.evaluate<string>('JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie])')).not.toContain(
      token.slice(-40),
    );
    await expect
      .poll(() => page.getByRole('region', { name: 'Webhooks per hour' }).locator('.chart-legend').textContent())
      .toContain('NEW_TIME_ENTRY');
    await screenshot(page, 'dashboard');

    await navigate(page, 'Webhooks');
    await settled(page, 'Webhooks');
    await expect.poll(() => page.getByRole('table', { name: 'Webhook log' }).getByRole('row').count()).toBe(2);
    await screenshot(page, 'webhooks');

    await page.getByRole('table', { name: 'Webhook log' }).getByRole('link', { name: 'NEW_TIME_ENTRY' }).click();
    await page.waitForURL(new RegExp(`/webhooks/${logId}$`));
    await settled(page, 'NEW_TIME_ENTRY');
    await expect.poll(() => page.getByRole('region', { name: 'Executions' }).getByRole('link', { name: execution.id }).count()).toBe(1);
    await screenshot(page, 'webhook-detail');

    await navigate(page, 'API Explorer');
    await settled(page, 'API Explorer');
    await expect.poll(() => page.getByRole('main').getByRole('status').textContent()).toMatch(/^(\d+) of \1 operations$/);
    await screenshot(page, 'explorer');

    await page.getByRole('link', { name: /Find a project by ID/ }).click();
    await page.waitForURL(/\/explorer\/getProject$/);
    await settled(page, /\/projects\/\{projectId\}/);
    await page.getByRole('button', { name: 'Send GET request' }).waitFor();
    await screenshot(page, 'operation');

    await navigate(page, 'Flows');
    await settled(page, 'Flows');
    const flowRow = page.getByRole('row').filter({ hasText: flow.name });
    await expect.poll(() => flowRow.getByRole('cell').nth(2).textContent()).toMatch(/succeeded/);
    await screenshot(page, 'flows');

    await flowRow.getByRole('link', { name: flow.name }).click();
    await page.waitForURL(new RegExp(`/flows/${flow.id}$`));
    await settled(page, `${flow.name} version 1`);
    await expect
      .poll(() =>
        page
          .getByRole('application', { name: 'Flow graph' })
          .getByRole('group', { name: /^(Trigger|Condition|Clockify action): / })
          .count(),
      )
      .toBe(3);
    await expect.poll(() => page.locator('.editor-actions').getByRole('status').textContent()).toBe('No problems found');
    await screenshot(page, 'editor');

    await navigate(page, 'Executions');
    await settled(page, /^Executions/);
    const executionRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: execution.id }) });
    await expect.poll(() => executionRow.getByRole('cell').nth(2).textContent()).toBe('succeeded');
    await screenshot(page, 'executions');

    await executionRow.getByRole('link', { name: execution.id }).click();
    await page.waitForURL(new RegExp(`/executions/${execution.id}$`));
    await settled(page, 'Execution succeeded');
    await expect.poll(() => page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').count()).toBe(3);
    await screenshot(page, 'execution-timeline');

    await navigate(page, 'Settings');
    await settled(page, 'Settings');
    await expect.poll(() => page.getByRole('region', { name: 'Effective settings' }).getByRole('row').count()).toBeGreaterThan(10);
    await screenshot(page, 'settings');

    // Every step above was client-side navigation within the one document the token arrived in.
    expect(page.url()).not.toContain('auth_token');
  });
});
