import type { TSimulator } from '@uw/simulator';

import { waitFor, type trpcClient } from './utils';

/** Sends one Clockify event and waits until the execution it queued has finished; returns that execution's timeline. */
export async function runEvent(api: ReturnType<typeof trpcClient>, sim: TSimulator, to: { serverUrl: string; ws: string; event: string }) {
  const delivered = await sim.sendWebhook({ addonUrl: to.serverUrl, workspaceId: to.ws, eventType: to.event });
  const logId = (delivered.response as { id: string }).id;
  const id = await waitFor(async () => (await api.webhooks.get.query({ id: logId })).executions[0]?.id);

  return waitFor(async () => {
    const e = await api.executions.get.query({ id });

    return e.status === 'succeeded' || e.status === 'filtered' || e.status === 'failed' ? e : null;
  }, 20_000);
}
