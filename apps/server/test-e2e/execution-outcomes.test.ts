import { describe, expect, it } from 'vitest';

import { waitFor } from '../test/utils';
import { navigate } from './support/app';
import { screenshot } from './support/browser';
import { BILLABLE_TAG } from './support/flows';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000000f1601';
const FLOW_NAME = 'Tag billable entries';

type TIngestAnswer = { id: string; outcome: string };

describe('execution outcomes and the flow lifecycle, end to end', () => {
  const e2e = useE2eSuite(WS);
  const runs = { filtered: { id: '', logId: '' }, succeeded: { id: '', logId: '' } };

  const deliver = async (billable: boolean) => {
    const { app } = e2e;
    const body = { id: `te-e2e-${billable}`, workspaceId: WS, billable, description: 'e2e outcomes' };
    const delivered = await app.sim.sendWebhook({ addonUrl: app.server.url, workspaceId: WS, eventType: 'NEW_TIME_ENTRY' }, { body });
    const logId = (delivered.response as TIngestAnswer).id;
    const execution = await waitFor(async () => {
      const [e] = (await app.api.webhooks.get.query({ id: logId })).executions;

      return e && ['succeeded', 'filtered', 'failed'].includes(e.status) ? e : null;
    }, 15_000);

    return { id: execution.id, logId, status: execution.status };
  };

  it('the executions list shows filtered apart from succeeded, each with its flow’s name, and filters by it', async () => {
    const { app, page } = e2e;
    await app.api.flows.create.mutate({ name: FLOW_NAME, enabled: true, definition: BILLABLE_TAG as never });
    const filtered = await deliver(false);
    const succeeded = await deliver(true);
    expect([filtered.status, succeeded.status]).toEqual(['filtered', 'succeeded']);
    runs.filtered = filtered;
    runs.succeeded = succeeded;

    await app.open(page, '/');
    await navigate(page, 'Executions');
    await page.waitForURL(/\/executions$/);
    const table = page.getByRole('main').getByRole('table');
    const rowOf = (id: string) => table.getByRole('row').filter({ has: page.getByRole('link', { name: id }) });
    await expect.poll(() => rowOf(filtered.id).count()).toBe(1);
    const cells = (id: string) => rowOf(id).getByRole('cell').allTextContents();
    await expect.poll(async () => (await cells(filtered.id)).slice(1, 3)).toEqual([FLOW_NAME, 'filtered']);
    await expect.poll(async () => (await cells(succeeded.id)).slice(1, 3)).toEqual([FLOW_NAME, 'succeeded']);
    expect(await table.textContent()).not.toContain((await app.api.flows.list.query())[0]!.id);
    await screenshot(page, 'executions-filtered-and-succeeded');

    await page.getByRole('group', { name: 'Filter executions' }).getByLabel('Status').selectOption('filtered');
    await expect.poll(() => page.url()).toContain('status=');
    await expect.poll(() => table.getByRole('row').count()).toBe(2); // the header and the filtered run
    expect(await rowOf(filtered.id).count()).toBe(1);
    await screenshot(page, 'executions-status-filtered');

    await navigate(page, 'Dashboard');
    await expect
      .poll(() => page.getByRole('region', { name: 'Flow executions' }).locator('.outcome-list').textContent())
      .toMatch(/filtered\s*1/);
  });

  it('a succeeded run offers no retry from the failed step, only running it again; a failed-step retry is refused by the API', async () => {
    const { app, page } = e2e;
    await app.open(page, `/executions/${runs.succeeded.id}`);
    const main = page.getByRole('main');
    await expect.poll(() => main.getByRole('heading', { level: 1 }).textContent()).toContain('succeeded');
    await expect.poll(() => main.getByRole('link', { name: FLOW_NAME }).count()).toBe(1);
    await expect.poll(() => main.getByRole('heading', { name: 'Run again' }).count()).toBe(1);
    expect(await main.getByRole('button', { name: 'Retry execution' }).count()).toBe(0);
    expect(await main.getByText('the failed step').count()).toBe(0);
    expect(await main.getByRole('button', { name: 'Run again from the start' }).count()).toBe(1);
    await screenshot(page, 'execution-succeeded-no-retry');
    await expect(app.api.executions.retry.mutate({ id: runs.succeeded.id })).rejects.toThrow(/nothing failed/);
  });

  it('the webhook page’s executions table shows the replayed run without a reload, by flow name', async () => {
    const { app, page } = e2e;
    await app.open(page, `/webhooks/${runs.filtered.logId}`);
    const section = page.getByRole('region', { name: /^Executions/ });
    const rows = section.getByRole('row');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => section.getByRole('link', { name: FLOW_NAME }).count()).toBe(1);
    await page.evaluate('window.__e2eSamePage = true'); // (browser code as a string: no DOM types here)

    await page.getByRole('button', { name: 'Replay' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Queued 1 execution' }).count()).toBe(1);
    await expect.poll(() => rows.count()).toBe(3);
    // The replayed run reaches its outcome in the table, as it happens.
    await expect
      .poll(async () => (await rows.nth(2).getByRole('cell').allTextContents()).slice(1, 3), { timeout: 15_000 })
      .toEqual([FLOW_NAME, 'filtered']);
    expect(await page.evaluate<boolean>('window.__e2eSamePage === true')).toBe(true);
    await screenshot(page, 'webhook-after-replay');
  });

  it('a new flow is disabled; the editor header enables it after asking, since it was never tested', async () => {
    const { app, page } = e2e;
    const flow = await app.api.flows.create.mutate({ name: 'Not yet live', definition: BILLABLE_TAG as never });
    expect(flow.enabled).toBe(false);
    await app.open(page, `/flows/${flow.id}`);
    const main = page.getByRole('main');
    const state = main.locator('.flow-state');
    await expect.poll(() => state.locator('.badge').textContent()).toBe('disabled');
    await main.getByRole('button', { name: 'Enable', exact: true }).click();
    const ask = main.getByRole('alertdialog', { name: 'Enable an untested flow' });
    await expect.poll(() => ask.count()).toBe(1);
    await screenshot(page, 'flow-enable-untested');
    await ask.getByRole('button', { name: 'Enable anyway' }).click();
    await expect.poll(() => state.locator('.badge').textContent()).toBe('enabled');
    expect((await app.api.flows.get.query({ id: flow.id })).enabled).toBe(true);
    await expect.poll(() => main.getByRole('button', { name: 'Disable' }).count()).toBe(1);
    await screenshot(page, 'flow-enabled');
  });
});
