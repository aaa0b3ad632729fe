import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSimulator, type TSimulator } from '../src/index';
import { call, OPENAPI, startReceiver } from './utils';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('emitOnApiChanges', () => {
  let sim: TSimulator;
  let addon: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    sim = await startSimulator({ openapiPath: OPENAPI, emitOnApiChanges: true });
    addon = await startReceiver();
    await sim.installInto(addon.url, sim.workspace().id, { webhooks: ['NEW_PROJECT', 'NEW_TIMER_STARTED', 'TIME_ENTRY_DELETED'] });
  });
  afterAll(async () => {
    await sim.close();
    await addon.close();
  });
  const hooks = () => addon.received.filter((r) => r.path === '/webhooks/clockify');

  it('sends the webhook Clockify would send after an API change, with the changed entity', async () => {
    const base = `/api/v1/workspaces/${sim.workspace().id}`;
    const project = (await call(sim, { method: 'POST', path: `${base}/projects` }, { body: { name: 'Via API' } })).body as { id: string };
    const entry = (await call(sim, { method: 'POST', path: `${base}/time-entries` }, { body: { start: '2025-03-01T08:00:00Z' } })).body as {
      id: string;
    };
    await call(sim, { method: 'DELETE', path: `${base}/time-entries/${entry.id}` });
    await call(sim, { method: 'POST', path: `${base}/tags` }, { body: { name: 'not subscribed' } });
    await until(() => hooks().length >= 3);
    const seen = hooks().map((r) => [r.headers['clockify-webhook-event-type'], (r.body as { id: string }).id]);
    expect(seen).toHaveLength(3);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['NEW_PROJECT', project.id],
        ['NEW_TIMER_STARTED', entry.id],
        ['TIME_ENTRY_DELETED', entry.id],
      ]),
    );
  });
});
