import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { edge, node } from '../test/flow-support';
import { screenshot } from './support/browser';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000000f1701';

type TDocument = { format: string; version: number; name: string; definition: { nodes: { id: string }[] } };

describe('flow files and back-test in the browser', () => {
  const e2e = useE2eSuite(WS);

  it('downloads a flow, uploads it with its warnings, duplicates it from the list, and back-tests it in the editor', async () => {
    const { app, page } = e2e;
    const projectId = app.sim.workspace(WS).data.projects[0]!.id;
    const flow = await app.api.flows.create.mutate({
      name: 'Post billable entries',
      enabled: false,
      definition: {
        nodes: [
          node('trigger', 'trigger', { source: 'clockify', events: ['NEW_TIME_ENTRY'] }),
          node('billable', 'condition', { expression: 'payload.billable = true' }),
          node('project', 'clockify', { operationId: 'getProject', path: { projectId: `"${projectId}"` }, query: {} }),
          node('notify', 'http', {
            method: 'POST',
            url: '"http://127.0.0.2:9/hook"',
            headers: { Authorization: '"Bearer e2e-secret"' },
            body: '{ "entry": payload.id }',
          }),
        ],
        edges: [edge('trigger', 'billable'), edge('billable', 'project'), edge('project', 'notify')],
      } as never,
    });
    for (let i = 0; i < 5; i++) {
      await app.sim.sendWebhook(
        { addonUrl: app.server.url, workspaceId: WS, eventType: 'NEW_TIME_ENTRY' },
        { body: { id: `te-${i}`, workspaceId: WS, billable: i < 2 } },
      );
    }

    await app.open(page, '/flows');
    const main = page.getByRole('main');
    // Download: the browser saves the export as a .json file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main.getByRole('button', { name: 'Download Post billable entries' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('post-billable-entries.uw-flow.json');
    const document = JSON.parse(readFileSync((await download.path())!, 'utf8')) as TDocument;
    expect(document).toMatchObject({ format: 'uw-flow', version: 1, name: 'Post billable entries' });
    expect(JSON.stringify(document)).not.toContain('e2e-secret');

    // Upload: the dialog shows the warnings (the project id is not in this workspace's cache) before anything is created.
    const upload = main.getByLabel('Upload a flow file (.json)');
    await upload.setInputFiles({ name: 'flow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) });
    const dialog = page.getByRole('dialog', { name: 'Upload a flow' });
    await expect
      .poll(() => dialog.getByRole('region', { name: 'Warnings' }).textContent())
      .toContain(`project ${projectId} is not in this workspace's cache`);
    expect(await dialog.getByText('definition.nodes[2].data.path.projectId').count()).toBe(1);
    await dialog.getByLabel('Name of the new flow').fill('Uploaded billable');
    await screenshot(page, 'flow-upload-preview');
    await dialog.getByRole('button', { name: 'Import flow' }).click();
    await expect
      .poll(() => main.getByRole('status').filter({ hasText: 'Imported' }).textContent())
      .toContain('Uploaded billable (disabled)');
    const uploadedRow = main.getByRole('row', { name: /Uploaded billable/ });
    await expect.poll(() => uploadedRow.textContent()).toContain('off');

    // A file that is not a flow: errors with their paths, and no way to import it.
    await upload.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'other' })),
    });
    await expect.poll(() => dialog.getByRole('region', { name: /Problems/ }).textContent()).toContain('format');
    expect(await dialog.getByRole('button', { name: 'Import flow' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Duplicate from the list.
    await main.getByRole('button', { name: 'Duplicate Post billable entries' }).click();
    const copyRow = main.getByRole('row', { name: /Post billable entries \(copy\)/ });
    await expect.poll(() => copyRow.count()).toBe(1);
    expect(await copyRow.textContent()).toContain('off');
    await screenshot(page, 'flow-list-files');
    expect((await app.api.flows.list.query()).map((f) => f.name).sort()).toEqual([
      'Post billable entries',
      'Post billable entries (copy)',
      'Uploaded billable',
    ]);

    // Back-test in the editor.
    await main.getByRole('link', { name: 'Post billable entries', exact: true }).click();
    const panel = main.getByRole('region', { name: 'Back-test' });
    await panel.getByRole('button', { name: 'Back-test' }).click();
    await expect.poll(() => panel.locator('[data-count="passed"]').textContent()).toBe('2');
    expect(await panel.locator('[data-count="acted"]').textContent()).toBe('2 (4 requests)');
    expect(await panel.locator('[data-count="errors"]').textContent()).toBe('0');
    expect(await panel.textContent()).toContain('5 of the last 5 NEW_TIME_ENTRY events');
    expect(await panel.textContent()).not.toContain('e2e-secret');
    await screenshot(page, 'flow-backtest');
    expect(flow.id).toBeTruthy();
  });

  it('shows the empty state when no event of the trigger was logged', async () => {
    const { app, page } = e2e;
    const flow = await app.api.flows.create.mutate({
      name: 'New clients',
      enabled: false,
      definition: {
        nodes: [{ id: 't', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_CLIENT'] } }],
        edges: [],
      },
    });
    await app.open(page, `/flows/${flow.id}`);
    const panel = page.getByRole('main').getByRole('region', { name: 'Back-test' });
    await panel.getByRole('button', { name: 'Back-test' }).click();
    await expect.poll(() => panel.textContent()).toContain('No logged events of this type yet (NEW_CLIENT)');
  });
});
