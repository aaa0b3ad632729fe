import { describe, expect, it } from 'vitest';

import { screenshot } from './support/browser';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000000e1001';

describe('API explorer, end to end', () => {
  const e2e = useE2eSuite(WS);

  it('finds an operation, executes it against Clockify, shows the response, and hands it to the flow editor', async () => {
    const { app, page } = e2e;
    const tags = app.sim.workspace(WS).data.tags.map((t) => t.name);
    expect(tags.length).toBeGreaterThan(0);

    await app.open(page, '/explorer');
    await page.getByRole('searchbox', { name: 'Search operations' }).fill('tags on a workspace');
    await expect.poll(() => page.getByRole('main').getByRole('status').textContent()).toMatch(/^1 of \d+ operations$/);
    await page.getByRole('link', { name: /Find tags on a workspace/ }).click();
    await page.waitForURL(/\/explorer\/getTags$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('/v1/workspaces/{workspaceId}/tags');

    const callsBefore = app.sim.requests.filter((r) => r.operationId === 'getTags').length;
    await page.getByRole('button', { name: 'Send GET request' }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect.poll(() => response.locator('.badge').first().textContent()).toBe('HTTP 200');
    const body = response.getByRole('region', { name: 'response body' });
    for (const name of tags) await expect.poll(() => body.textContent()).toContain(name);
    expect(app.sim.requests.filter((r) => r.operationId === 'getTags').length).toBe(callsBefore + 1);
    await screenshot(page, 'explorer-response');

    // "Use in a flow": a new flow with a trigger and an action node for getTags, connected.
    await page.getByRole('button', { name: 'Use in a flow' }).click();
    await page.waitForURL(/\/flows\/new\?.*operationId=getTags/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('New flow');
    await expect.poll(() => page.getByRole('textbox', { name: 'Flow name' }).inputValue()).toBe('Call getTags');
    const canvas = page.getByRole('application', { name: 'Flow graph' });
    const action = canvas.getByRole('group', { name: 'Clockify action: getTags (clockify_1)' });
    await expect.poll(() => action.locator('code').first().textContent()).toBe('getTags');
    await expect.poll(() => canvas.getByRole('group', { name: 'Edge from trigger to clockify_1' }).count()).toBe(1);
    // The action itself is complete; only the trigger's events are still to choose.
    await expect.poll(() => action.getByRole('list').count()).toBe(0);
    await expect.poll(() => canvas.getByRole('group', { name: /^Trigger: / }).textContent()).toContain('choose at least one event');
    await screenshot(page, 'explorer-use-in-a-flow');
  });
});
