import { describe, expect, it } from 'vitest';

import { navigate } from './support/app';
import { screenshot } from './support/browser';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000000a1001';

type TIngestAnswer = { id: string; outcome: string };

describe('webhook log and dashboard, end to end', () => {
  const e2e = useE2eSuite(WS);

  it('shows a new webhook live in the log without a reload, on its detail page, and in the dashboard chart', async () => {
    const { app, page } = e2e;
    // Start elsewhere, so the dashboard's statistics are first asked for after the webhook arrived.
    await app.open(page, '/settings');
    await navigate(page, 'Webhooks');
    await page.waitForURL(/\/webhooks$/);
    await expect.poll(() => page.getByRole('main').textContent()).toContain('No webhook has arrived yet.');
    await page.evaluate('window.__e2eSamePage = true'); // (browser code as a string: no DOM types here)

    await page.getByRole('button', { name: 'Live: off' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Live: on' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByRole('heading', { name: /^Live/ }).textContent()).toBe('Live (connected)');
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Waiting for new webhooks…');

    const delivered = await app.sim.sendWebhook({ addonUrl: app.server.url, workspaceId: WS, eventType: 'NEW_CLIENT' });
    expect(delivered.status).toBe(200);
    const logId = (delivered.response as TIngestAnswer).id;
    const live = page.getByRole('table', { name: 'Live webhooks' });
    const row = live.getByRole('row').filter({ has: page.getByRole('link', { name: 'NEW_CLIENT' }) });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('Clockify');
    await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toContain('no match');
    // The same document: the row came over the live subscription, not from a reload.
    expect(await page.evaluate<boolean>('window.__e2eSamePage === true')).toBe(true);
    await screenshot(page, 'webhooks-live');

    // Its detail page: the event, its outcome and its payload.
    await row.getByRole('link', { name: 'NEW_CLIENT' }).click();
    await page.waitForURL(new RegExp(`/webhooks/${logId}$`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('NEW_CLIENT');
    const clientName = (delivered.body as { name: string }).name;
    expect(clientName).toEqual(expect.any(String));
    await expect.poll(() => page.getByRole('region', { name: 'Payload', exact: true }).textContent()).toContain(clientName);
    await screenshot(page, 'webhooks-live-detail');

    // The dashboard's webhooks-per-hour chart counts it under its event type.
    await navigate(page, 'Dashboard');
    const card = page.getByRole('region', { name: 'Webhooks per hour' });
    await expect.poll(() => card.getByRole('img', { name: /^Webhooks per hour by event type: 1 webhooks in \d+ hours$/ }).count()).toBe(1);
    await expect.poll(() => card.locator('.chart-legend').textContent()).toContain('NEW_CLIENT');
    await expect.poll(() => card.locator('.outcome-list').textContent()).toContain('no match');
    await screenshot(page, 'dashboard-chart');
  });
});
