import { describe, expect, it } from 'vitest';

import { screenshot } from './support/browser';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000000b1205';

/**
 * Issue 12, rows 5 and 7 in the SPA: a member who is not an admin gets a clear "for admins" page (and the
 * admin-only procedures are not even requested: no 403 in the console); an admin sees HTTP-action headers
 * masked in the flow editor, and picks a scope and a lifetime for a service key.
 */
describe('admins only, masked headers and scoped keys in the app', () => {
  const e2e = useE2eSuite(WS);

  it('shows a workspace member the "for admins" page with the installation status', async () => {
    const { app, page } = e2e;
    const url = new URL('/flows', app.server.url);
    url.searchParams.set('auth_token', await app.sim.userToken(WS, { role: 'TEAM_MEMBER' }));
    await page.goto(url.toString());
    const main = page.getByRole('main');
    await expect.poll(() => main.textContent()).toContain('This add-on is for workspace admins.');
    await expect.poll(() => main.textContent()).toMatch(/The add-on is active on this workspace/);
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await screenshot(page, 'member-admins-only');
  });

  it('shows an HTTP action with its header names and masked values, never the stored value', async () => {
    const { app, page } = e2e;
    const flow = await app.api.flows.create.mutate({
      name: 'Forward with a credential',
      enabled: true,
      definition: {
        nodes: [
          { id: 'trigger', kind: 'trigger', label: 'When', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_TAG'] } },
          {
            id: 'forward',
            kind: 'http',
            label: 'Forward',
            position: { x: 0, y: 160 },
            data: { method: 'POST', url: '"https://example.com/hook"', headers: { Authorization: '"Bearer e2e-header-canary"' } },
          },
        ],
        edges: [{ id: 'e1', source: 'trigger', target: 'forward' }],
      },
    });
    await app.open(page, `/flows/${flow.id}`);
    await page
      .getByRole('navigation', { name: 'Nodes' })
      .getByRole('button', { name: /^Forward \(http\)/ })
      .click();
    await expect.poll(() => page.getByRole('main').textContent()).toContain('are saved but never shown');
    // A fixed value shows in an input as the text itself; an expression shows as the JSONata string literal.
    const field = page.getByRole('textbox', { name: 'Authorization', exact: true });
    const isInput = await field.evaluate((el) => ['INPUT', 'TEXTAREA'].includes((el as { tagName: string }).tagName));
    expect(isInput ? await field.inputValue() : await field.textContent()).toMatch(/^"?••••"?$/);
    expect(await page.content()).not.toContain('e2e-header-canary');
    await screenshot(page, 'flow-editor-masked-header');
  });

  it('creates a service key with a scope and an expiry, and lists when it was last used', async () => {
    const { app, page } = e2e;
    await app.open(page, '/settings');
    const form = page.getByRole('form', { name: 'New service key' });
    await form.getByRole('textbox', { name: 'Key name' }).fill('billing writer');
    await form.getByRole('combobox', { name: 'Scope' }).selectOption('write');
    await form.getByRole('combobox', { name: 'Expires' }).selectOption({ label: 'in 7 days' });
    await form.getByRole('button', { name: 'Create key' }).click();
    const row = page.getByRole('row', { name: /billing writer/ });
    await expect.poll(() => row.textContent()).toMatch(/write/);
    const [key] = (await app.api.keys.list.query()).filter((k) => k.name === 'billing writer');
    expect(key).toMatchObject({ scope: 'write', lastUsedAt: null });
    expect(key!.expiresAt! - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(await row.textContent()).toMatch(/never/);
    await screenshot(page, 'keys-scoped');
  });
});
