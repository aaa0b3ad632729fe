import { describe, expect, it } from 'vitest';

import { waitFor } from '../test/utils';
import { screenshot } from './support/browser';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000000c1601';

describe('no console error on any page', () => {
  const e2e = useE2eSuite(WS);

  it('loads every page directly (a fresh document each) and none logs a console error or throws', async () => {
    const { app, page, errors } = e2e;
    const flow = await app.api.flows.create.mutate({
      name: 'Console walk',
      enabled: true,
      definition: {
        nodes: [
          { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_TIME_ENTRY'] } },
          { id: 'billable', kind: 'condition', position: { x: 320, y: 0 }, data: { expression: 'payload.billable' } },
        ],
        edges: [{ id: 'e1', source: 'trigger', target: 'billable' }],
      },
    });
    const delivered = await app.sim.sendWebhook(
      { addonUrl: app.server.url, workspaceId: WS, eventType: 'NEW_TIME_ENTRY' },
      {
        body: { id: 'te-console-walk', workspaceId: WS, billable: true, description: 'console walk' },
      },
    );
    const logId = (delivered.response as { id: string }).id;
    const execution = await waitFor(async () => (await app.api.webhooks.get.query({ id: logId })).executions[0], 15_000);

    const pages: [string, string | RegExp][] = [
      ['/', 'Dashboard'],
      ['/webhooks', 'Webhooks'],
      [`/webhooks/${logId}`, 'NEW_TIME_ENTRY'],
      ['/executions', /^Executions/],
      [`/executions/${execution.id}`, /^Execution/],
      ['/flows', 'Flows'],
      [`/flows/${flow.id}`, /Console walk/],
      ['/flows/new', 'New flow'],
      ['/explorer', 'API Explorer'],
      ['/explorer/getProjects', /\/projects$/],
      ['/settings', 'Settings'],
    ];
    for (const [path, heading] of pages) {
      await app.open(page, path);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { message: path }).toMatch(heading);
      await expect.poll(() => page.getByRole('main').locator('.state-loading').count(), { message: path }).toBe(0);
      expect(errors, `console errors on ${path}`).toEqual([]);
    }

    // The custom-source form's header pattern compiles under the `v` flag (it logged an error before).
    await page.getByText('New custom source').click();
    await page.getByLabel('Signature header').fill('X-Signature-256');
    expect(
      await page.getByLabel('Signature header').evaluate((el) => (el as unknown as { validity: { valid: boolean } }).validity.valid),
    ).toBe(true);
    await page.getByLabel('Signature header').fill('not a header!');
    expect(
      await page.getByLabel('Signature header').evaluate((el) => (el as unknown as { validity: { valid: boolean } }).validity.valid),
    ).toBe(false);
    await screenshot(page, 'settings-new-source');
    expect(errors, 'console errors on /settings with the source form').toEqual([]);
  });
});
