import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runDemoTraffic, startSimulator, type TSimulator } from '../src/index';
import { startReceiver } from './utils';

describe('runDemoTraffic', () => {
  let sim: TSimulator;
  let addon: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    sim = await startSimulator({ openapiPath: false });
    addon = await startReceiver();
  });
  afterAll(async () => {
    await sim.close();
    await addon.close();
  });

  it('streams events to the add-on until stopped', async () => {
    await sim.installInto(addon.url, sim.workspace().id, { webhooks: ['NEW_TIMER_STARTED', 'TIMER_STOPPED'] });
    const seen: string[] = [];
    const traffic = runDemoTraffic({
      sim,
      addonBaseUrl: addon.url,
      workspaceId: sim.workspace().id,
      everyMs: 10,
      onEvent: (e) => seen.push(`${e.eventType}:${e.statuses.join()}`),
    });
    await new Promise((r) => setTimeout(r, 120));
    traffic.stop();
    const sent = traffic.sent;
    await new Promise((r) => setTimeout(r, 30));
    expect(sent).toBeGreaterThan(2);
    expect(seen.slice(0, 2)).toEqual(['NEW_TIMER_STARTED:200', 'TIMER_STOPPED:200']);
    expect(addon.received.filter((r) => r.path === '/webhooks/clockify').length).toBeGreaterThanOrEqual(2);
    expect(traffic.sent).toBeLessThanOrEqual(sent + 1);
  });
});
