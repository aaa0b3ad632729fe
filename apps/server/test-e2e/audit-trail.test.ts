import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { screenshot } from './support/browser';
import { navigate } from './support/app';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000000a0d17';
const flowDoc = (event: string) => ({
  nodes: [
    { id: 'trigger', kind: 'trigger' as const, label: 'When', position: { x: 0, y: 0 }, data: { source: 'clockify' as const, events: [event] } },
    { id: 'check', kind: 'condition' as const, label: 'Billable?', position: { x: 0, y: 160 }, data: { expression: 'payload.billable = true' } },
  ],
  edges: [{ id: 'e1', source: 'trigger', target: 'check' }],
});

/** Issue 17: the audit page lists who changed what, and shows a flow save as a diff; a form delivery shows as JSON. */
describe('audit trail and non-JSON deliveries in the app', () => {
  const e2e = useE2eSuite(WS);

  it('lists flow changes with who and when, filters by area and shows a version diff', async () => {
    const { app, page } = e2e;
    const flow = await app.api.flows.create.mutate({ name: 'Audited flow', enabled: false, definition: flowDoc('NEW_TIME_ENTRY') });
    await app.api.flows.update.mutate({ id: flow.id, data: { definition: flowDoc('TIME_ENTRY_UPDATED') } });
    await app.api.flows.update.mutate({ id: flow.id, data: { enabled: true } });
    await app.api.keys.create.mutate({ name: 'reporting', scope: 'read' });

    await app.open(page, '/');
    await navigate(page, 'Audit');
    const main = page.getByRole('main');
    await expect.poll(() => main.textContent()).toContain('saved flow "Audited flow" as version 2');
    expect(await main.textContent()).toContain('enabled flow "Audited flow"');
    expect(await main.textContent()).toContain('created service key "reporting" (read)');

    await page.getByLabel('Area').selectOption({ label: 'Flows' });
    await expect.poll(() => main.textContent()).not.toContain('created service key');
    await page.getByRole('button', { name: 'Show changes v1 → v2' }).click();
    const diff = page.getByLabel('changes from version 1 to version 2');
    await expect.poll(() => diff.textContent()).toContain('-           "NEW_TIME_ENTRY"');
    expect(await diff.textContent()).toContain('+           "TIME_ENTRY_UPDATED"');
    await screenshot(page, 'audit-trail-diff');
  });

  it("shows GitHub's form-encoded delivery as JSON with its content type and the body as received", async () => {
    const { app, page } = e2e;
    const { source } = await app.api.sources.create.mutate({ name: 'GitHub', verification: { kind: 'github' }, secret: 'gh-secret' });
    const body = `payload=${encodeURIComponent(JSON.stringify({ action: 'opened', issue: { number: 7 } }))}`;
    const res = await fetch(`${app.server.url}/webhooks/custom/${source.publicId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-github-event': 'issues',
        'x-hub-signature-256': `sha256=${createHmac('sha256', 'gh-secret').update(body).digest('hex')}`,
      },
      body,
    });
    expect(res.status).toBe(200);
    const { id } = await res.json();
    await app.open(page, `/webhooks/${id}`);
    const main = page.getByRole('main');
    await expect.poll(() => main.textContent()).toContain('Sent as application/x-www-form-urlencoded');
    expect(await main.textContent()).toContain('flows read the form fields below as JSON');
    await page.getByText('Body as received').click();
    await expect.poll(() => page.getByLabel('body as received').textContent()).toBe(body);
    await screenshot(page, 'webhook-form-delivery');
  });
});
