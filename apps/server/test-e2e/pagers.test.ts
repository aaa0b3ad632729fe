import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';

import { waitFor } from '../test/utils';
import { BILLABLE_TAG } from './support/flows';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000000a9e01';
/** Three pages of 50: two full ones and a short last one. */
const RECORDS = 105;

/**
 * Older walks to the last page and Newer retraces the pages seen (not just back to the first), on a list of
 * `total` rows; the first page's rows come back as they were.
 */
async function pagesThrough(page: Page, { rows, total }: { rows: Locator; total: number }) {
  const pager = page.getByRole('navigation', { name: 'Pages' });
  const [newer, older] = [pager.getByRole('button', { name: 'Newer' }), pager.getByRole('button', { name: 'Older' })];
  const firstRow = () => rows.first().innerHTML();
  await expect.poll(() => rows.count()).toBe(50);
  const pageOne = await firstRow();
  expect(await newer.isDisabled()).toBe(true);

  await older.click();
  await expect.poll(firstRow).not.toBe(pageOne);
  const pageTwo = await firstRow();
  await older.click();
  await expect.poll(() => rows.count()).toBe(total - 100);
  expect(await older.isDisabled()).toBe(true);
  expect(await newer.isEnabled()).toBe(true);

  await newer.click();
  await expect.poll(firstRow).toBe(pageTwo);
  expect(page.url()).toContain('cursor=');
  await newer.click();
  await expect.poll(firstRow).toBe(pageOne);
  await expect.poll(() => newer.isDisabled()).toBe(true);
  expect(page.url()).not.toContain('cursor=');
}

describe('cursor pagers (webhooks, executions, audit), end to end', () => {
  const e2e = useE2eSuite(WS);

  beforeAll(async () => {
    const { api, sim, server } = e2e.app;
    // Audit entries, each naming its flow; one flow enabled, the others off.
    await api.flows.create.mutate({ name: 'Tags billable entries', enabled: true, definition: BILLABLE_TAG as never });
    for (let i = 0; i < RECORDS; i++) await api.flows.create.mutate({ name: `Off ${i}`, enabled: false, definition: BILLABLE_TAG as never });
    // Entries that are not billable: one execution each, filtered by the condition, calling nobody.
    for (let i = 0; i < RECORDS; i++) {
      const body = { id: `te-pager-${i}`, workspaceId: WS, billable: false, description: `pager ${i}` };
      await sim.sendWebhook({ addonUrl: server.url, workspaceId: WS, eventType: 'NEW_TIME_ENTRY' }, { body });
    }
    await waitFor(async () => {
      const { items } = await api.executions.list.query({ status: 'filtered', limit: 200 });

      return items.length === RECORDS ? true : null;
    }, 45_000);
  }, 120_000);

  it('pages the webhook log back and forth', async () => {
    const { app, page } = e2e;
    const total = (await app.api.webhooks.list.query({ limit: 200 })).items.length;
    expect(total).toBeGreaterThan(100);
    await app.open(page, '/webhooks');
    await pagesThrough(page, { rows: page.getByRole('table', { name: 'Webhook log' }).locator('tbody tr'), total });
  });

  it('pages the executions back and forth; a filter change starts again at the first page', async () => {
    const { app, page } = e2e;
    await app.open(page, '/executions');
    const rows = page.getByRole('main').locator('table tbody tr');
    await pagesThrough(page, { rows, total: RECORDS });

    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Older' }).click();
    await expect.poll(() => page.url()).toContain('cursor=');
    await page.getByRole('group', { name: 'Filter executions' }).getByLabel('Status').selectOption('filtered');
    await expect.poll(() => page.url()).not.toContain('cursor=');
    await expect.poll(() => page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Newer' }).isDisabled()).toBe(true);
    await expect.poll(() => rows.count()).toBe(50);
  });

  it('pages the audit trail back and forth', async () => {
    const { app, page } = e2e;
    const total = (await app.api.audit.list.query({ limit: 200 })).items.length;
    expect(total).toBeGreaterThan(100);
    await app.open(page, '/audit');
    await pagesThrough(page, { rows: page.getByRole('main').locator('table tbody tr'), total });
  });
});
