import { describe, expect, it } from 'vitest';

import { screenshot } from './support/browser';
import { navigate } from './support/app';
import { flowEditor } from './support/editor';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000005ec017';
const flowWith = (secret: string) => ({
  nodes: [
    { id: 'trigger', kind: 'trigger' as const, position: { x: 0, y: 0 }, data: { source: 'manual' as const } },
    {
      id: 'call',
      kind: 'http' as const,
      position: { x: 0, y: 160 },
      data: {
        method: 'POST' as const,
        url: '"https://example.com/" & "hook"',
        headers: { Authorization: `"Bearer " & $secret("${secret}")` },
      },
    },
  ],
  edges: [{ id: 'e1', source: 'trigger', target: 'call' }],
});

/** Issue 17 point 1: the Secrets section of Settings: empty state, create (value never shown), rotate, delete refused while in use. */
describe('secrets in the app', () => {
  const e2e = useE2eSuite(WS);

  it('creates a secret with a password field, lists who uses it, rotates it and refuses to delete it while in use', async () => {
    const { app, page } = e2e;
    await app.open(page, '/');
    await navigate(page, 'Settings');
    const section = page.getByRole('region', { name: 'Secrets' });
    await expect.poll(() => section.textContent()).toContain('No secret yet');

    const form = section.getByRole('form', { name: 'New secret' });
    expect(await form.getByLabel('Value').getAttribute('type')).toBe('password');
    await form.getByLabel('Secret name').fill('api-key');
    await form.getByLabel('Description').fill('the billing API');
    await form.getByLabel('Value').fill('browser-canary-value-81');
    await form.getByRole('button', { name: 'Create secret' }).click();
    await expect.poll(() => section.textContent()).toContain('Secret "api-key" saved. Its value is never shown again.');
    expect(await form.getByLabel('Value').inputValue()).toBe('');

    const flow = await app.api.flows.create.mutate({ name: 'Bills', enabled: false, definition: flowWith('api-key') });
    await app.open(page, '/settings');
    await expect.poll(() => section.getByRole('row', { name: /api-key/ }).textContent()).toContain('Bills');
    expect(await section.getByRole('link', { name: 'Bills' }).getAttribute('href')).toBe(`/flows/${flow.id}`);

    await section.getByRole('button', { name: 'New value for api-key' }).click();
    await section.getByLabel('New value for api-key').fill('browser-canary-rotated-82');
    await section.getByRole('button', { name: 'Save value' }).click();
    await expect.poll(() => section.textContent()).toContain('the next request sent uses it');

    // In use: refused before any confirmation (the server refuses too, CONFLICT naming the flows).
    await section.getByRole('button', { name: 'Delete api-key' }).click();
    expect(await page.getByRole('dialog').isVisible()).toBe(false);
    await expect
      .poll(() => section.getByRole('alert').textContent())
      .toContain('Secret "api-key" is used by 1 flow(s): "Bills". Remove $secret("api-key") from them first.');
    await screenshot(page, 'secrets-in-use');
    expect(await page.content()).not.toMatch(/browser-canary-(value|rotated)/);

    // The editor offers the workspace's secrets in an action's fields.
    await app.open(page, `/flows/${flow.id}`);
    const editor = flowEditor(page);
    await editor.select('call');
    const url = editor.expression('URL');
    await url.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' & $sec');
    const offered = page.getByRole('listbox', { name: 'Completions for URL' });
    await expect.poll(() => offered.getByRole('option').allTextContents()).toEqual([expect.stringContaining('$secret("api-key")')]);
    await screenshot(page, 'secrets-completion');

    await app.api.flows.delete.mutate({ id: flow.id });
    await app.open(page, '/settings');
    await section.getByRole('button', { name: 'Delete api-key' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete secret' }).click();
    await expect.poll(() => section.textContent()).toContain('No secret yet');
  });
});
