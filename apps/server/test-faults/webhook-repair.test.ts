/**
 * Webhook repair (a periodic job that also runs when a worker starts, and `installation.repairWebhooks`)
 * must never revoke a valid token, not even for a moment: Clockify keeps delivering with it while the
 * repair runs. Steady deliveries of an event registered through the API, repairs in between: all 200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { waitFor, webhookToken } from './support/clockify';
import { postgresAvailable } from './support/postgres';
import { createScenario, type TScenario } from './support/scenario';
import { startWebhookLoad, statusCounts } from './support/webhook-load';

const ws = 'ffffffffffffffffffffff01';
const available = await postgresAvailable('webhook repair');
/** Not in the manifest: registered through Clockify's API at install, and re-stored by every repair. */
const API_EVENT = 'TAG_UPDATED';
/** Up to this many repairs (each revokes the tokens for a few ms); the loop stops at the first rejection. */
const MAX_REPAIRS = 40;

describe.skipIf(!available)('webhook repair under delivery load', () => {
  let s: TScenario;

  beforeAll(async () => {
    s = await createScenario({ sim: { seed: { workspaces: [{ id: ws, users: 1, projects: 1, clients: 1, tags: 1, timeEntries: 1 }] } } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('answers every delivery 200 while the webhooks are repaired', async () => {
    const server = await s.spawn('repair', { UW_ROLE: 'web' });
    await server.waitReady();
    const api = await s.install(server.url, ws);
    const signature = webhookToken(s.sim, { workspaceId: ws, eventType: API_EVENT, serverUrl: server.url });
    const load = startWebhookLoad({
      url: server.url,
      signature,
      workspaceId: ws,
      eventType: API_EVENT,
      concurrency: 8,
      maxRequests: 20_000,
      maxMs: 30_000,
      prefix: 'rp',
    });
    let repairs = 0;
    try {
      await waitFor('deliveries flowing', () => load.acked() >= 50, { timeoutMs: 10_000, everyMs: 20 });
      for (let i = 0; i < MAX_REPAIRS && load.sent().every((h) => h.status === 200); i++) {
        const result = await api.installation.repairWebhooks.mutate();
        expect(result.failed).toEqual([]);
        repairs += 1;
      }
    } finally {
      load.stop();
    }
    const history = await load.done;
    const rejected = history.filter((h) => h.status !== 200);
    console.info(`[webhook-repair] ${history.length} deliveries during ${repairs} repairs: ${JSON.stringify(statusCounts(history))}`);
    expect(rejected, JSON.stringify(rejected.slice(0, 3))).toEqual([]);
  });
});
