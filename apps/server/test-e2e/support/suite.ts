import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Page } from 'playwright-core';

import { startE2eApp, type TE2eApp } from './app';
import { launchBrowser, screenshot, watchErrors, type TBrowser } from './browser';

export type TE2eSuite = {
  app: TE2eApp;
  browser: TBrowser;
  /** A fresh tab for the current test. */
  page: Page;
  /** Console errors and page errors of `page` so far. */
  errors: string[];
};

/**
 * One server, simulator and browser per test file; one tab per test. After each test the tab must have
 * logged no console error and thrown nothing; a failing test leaves a `FAILED-…` screenshot behind.
 */
export function useE2eSuite(workspaceId: string, options: { env?: Record<string, string> } = {}): TE2eSuite {
  const suite = {} as TE2eSuite;
  beforeAll(async () => {
    suite.app = await startE2eApp(workspaceId, options);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.close();
  });
  beforeEach(async () => {
    suite.page = await suite.browser.context.newPage();
    suite.errors = watchErrors(suite.page);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      await screenshot(suite.page, `FAILED-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}`).catch(() => undefined);
    }
    await suite.page.close();
    expect(suite.errors, 'console errors and page errors in the browser').toEqual([]);
  });

  return suite;
}
