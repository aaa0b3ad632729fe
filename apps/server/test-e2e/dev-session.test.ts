import { describe, expect, it } from 'vitest';

import { screenshot } from './support/browser';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000000d1601';

describe('development session, end to end', () => {
  const e2e = useE2eSuite(WS);

  it('signs in with the development login, survives a reload, and says the local workspace has no Clockify connection', async () => {
    const { app, page } = e2e;
    await page.goto(`${app.server.url}/`);
    await page.getByRole('button', { name: 'Development login' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    const card = page.getByRole('region', { name: 'Installation' });
    await expect.poll(() => card.textContent()).toContain('no Clockify connection');
    await expect.poll(() => card.textContent()).toContain('dev-workspace');
    // Buttons that call Clockify are off there, saying why (title and a hint under them).
    for (const name of [/^Repair webhook registrations$/, /^(Run|Resume) bootstrap/]) {
      const button = page.getByRole('button', { name });
      await expect.poll(() => button.isDisabled(), { message: String(name) }).toBe(true);
      expect(await button.getAttribute('title')).toMatch(/^Needs a Clockify connection/);
      await expect.poll(() => button.evaluate((b) => b.nextElementSibling?.textContent)).toMatch(/^Needs a Clockify connection/);
    }
    await screenshot(page, 'dev-session-clockify-buttons-off');

    await page.reload();
    await nav.waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Dashboard');
    await expect.poll(() => card.textContent()).toContain('dev-workspace');
    await screenshot(page, 'dev-session-after-reload');

    // A Clockify token in the URL replaces the stored development session (and is never stored itself).
    const stored = () => page.evaluate<string>('JSON.stringify({ ...sessionStorage, ...localStorage })');
    expect(await stored()).toContain('uw.devSession');
    await app.open(page, '/');
    await expect.poll(() => card.textContent()).toContain(WS);
    // A workspace connected to Clockify: repair is possible, without the hint.
    await expect.poll(() => page.getByRole('button', { name: 'Repair webhook registrations' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Repair webhook registrations' }).getAttribute('title')).toBeNull();
    expect(await stored()).not.toContain('uw.devSession');
    expect(await stored()).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });
});
