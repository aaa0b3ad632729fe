import { expect } from 'vitest';
import type { Page } from 'playwright-core';

import { startSimulator, type TSimulator } from '@uw/simulator';

import { installLikeClockify, startTestServer, trpcClient, type TTestServer } from '../../test/utils';

export type TE2eApp = {
  sim: TSimulator;
  server: TTestServer;
  ws: string;
  /** The tRPC client as the workspace owner, to arrange and check state next to the browser. */
  api: ReturnType<typeof trpcClient>;
  /** A fresh owner token (the SPA keeps it in memory only, so every page load needs one in the URL). */
  ownerToken(): Promise<string>;
  /** Loads `path` as Clockify's iframe would (`?auth_token=`), then waits until the token left the URL. */
  open(page: Page, path: string): Promise<void>;
  close(): Promise<void>;
};

/**
 * The real server (worker running, fresh SQLite, the built SPA at `/`) and a simulated Clockify whose
 * workspace `ws` has the add-on installed the way Clockify installs it. `env`: extra server settings (e.g. an
 * HTTP allow-list for a loopback receiver).
 */
export async function startE2eApp(ws: string, options: { env?: Record<string, string> } = {}): Promise<TE2eApp> {
  const sim = await startSimulator({
    seed: { workspaces: [{ id: ws, users: 2, clients: 1, projects: 2, tags: 2, timeEntries: 2 }] },
  });
  const server = await startTestServer({ dialect: 'sqlite', clockifyPem: sim.publicKeyPem, worker: {}, env: options.env });
  const installed = await installLikeClockify(sim, server.url, ws);
  expect(installed.status, JSON.stringify(installed)).toBe(200);
  const ownerToken = () => sim.userToken(ws, { role: 'OWNER' });
  const api = trpcClient(server.url, await ownerToken());

  return {
    sim,
    server,
    ws,
    api,
    ownerToken,
    async open(page, path) {
      const url = new URL(path, server.url);
      url.searchParams.set('auth_token', await ownerToken());
      await page.goto(url.toString());
      await expect.poll(() => page.url(), { message: 'the auth_token is removed from the URL after load' }).not.toContain('auth_token');
      // Signed in: the app shell (main navigation) is there, not the sign-in screen.
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
    },
    async close() {
      await server.close();
      await sim.close();
    },
  };
}

/** Follows a main-navigation link the way a user would (client-side, no reload). */
export async function navigate(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
}
