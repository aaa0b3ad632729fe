import { afterAll, afterEach, beforeAll } from 'vitest';

import { loadCatalogue } from '../../src/catalogue';
import type { TCatalogue } from '../../src/catalogue-types';
import { createClockifyClient } from '../../src/client';
import type { TClockifyClientOptions } from '../../src/client-types';
import { createMemoryRateLimiter } from '../../src/rate-limiter';
import { createBreakerRegistry } from '../../src/retry';
import { MINI_OPENAPI_PATH } from './fixtures';
import { sendJson, startTestServer, type TTestServer } from './http-server';

export const WS = 'aaaaaaaaaaaaaaaaaaaaaaa1';
export const PROJECT = '5f1185197db7a8637ffcaf1d';
export const TOKEN = 'addon-token-secret';

export type TReply = (
  req: { url: string; body: string },
  index: number,
) => { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };

/**
 * Registers hooks that start a local "Clockify" answering with `harness.reply`, and returns a factory
 * for clients pointed at it (fixture catalogue, fresh limiter and breakers, 10 ms first retry delay).
 */
export function useClientHarness() {
  const harness = {
    server: undefined as unknown as TTestServer,
    catalogue: undefined as unknown as TCatalogue,
    reply: (() => ({ status: 200, body: {} })) as TReply,
    client: (over: Partial<TClockifyClientOptions> = {}) =>
      createClockifyClient({
        catalogue: harness.catalogue,
        apiUrl: `${harness.server.url}/api`,
        reportsUrl: `${harness.server.url}/reports`,
        token: TOKEN,
        workspaceKey: WS,
        maxRps: 50,
        rateLimiter: createMemoryRateLimiter(),
        retryInitialDelayMs: 10,
        breakers: createBreakerRegistry(),
        ...over,
      }),
  };
  beforeAll(async () => {
    harness.catalogue = await loadCatalogue(MINI_OPENAPI_PATH);
    harness.server = await startTestServer(async (req, res, index) => {
      const r = harness.reply(req, index);
      if (r.delayMs) await new Promise((resolve) => setTimeout(resolve, r.delayMs));
      if (res.destroyed) return;
      if (r.body === undefined) {
        res.writeHead(r.status, r.headers);
        res.end();
      } else {
        sendJson(res, r.body, { status: r.status, headers: r.headers });
      }
    });
  });
  afterAll(() => harness.server.close());
  afterEach(() => {
    harness.server.requests.length = 0;
  });

  return harness;
}
