import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { REPO_ROOT } from '../../test/utils';

/** Screenshots go to the repo root's git-ignored test-artifacts/ (CI keeps them as artifacts). */
export const SCREENSHOT_DIR = resolve(REPO_ROOT, 'test-artifacts/screenshots');

export const CHROMIUM = process.env.UW_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Generous, never fixed: locator waits and actions retry up to this long (expect.poll: vitest.e2e.config.ts). */
export const UI_TIMEOUT_MS = 15_000;

export type TBrowser = { context: BrowserContext; close(): Promise<void> };

/**
 * Debian's Chromium (never a downloaded one) in a fresh profile. HOME and XDG_CONFIG_HOME point at a temp
 * folder too, so Chromium's crash-report folder does not land in the real home.
 */
export async function launchBrowser(): Promise<TBrowser> {
  const root = mkdtempSync(join(tmpdir(), 'uw-e2e-chromium-'));
  const profile = join(root, 'profile');
  const home = join(root, 'home');
  mkdirSync(home, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config') },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(30_000);

  return {
    context,
    async close() {
      await context.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A favicon the SPA does not ship: the browser asks for it on its own; that 404 is not the app's error. */
const isFavicon = (url: string | undefined) => Boolean(url && /\/favicon\.ico(\?|$)/.test(url));

/**
 * Collects what would show in the devtools console as an error: console.error calls, uncaught exceptions
 * and unhandled rejections (pageerror). Favicon 404s are ignored.
 */
export function watchErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (isFavicon(msg.location().url)) return;
    problems.push(`console.error: ${msg.text()} (${msg.location().url ?? 'unknown'})`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));

  return problems;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });

  return path;
}
