import { createClient } from '@uw/client';
import { TAG_TIME_ENTRIES_WITHOUT_PROJECT } from '@uw/flow-engine';

/**
 * The demo's sample flow (the "Tag time entries that have no project" template), created enabled in the simulated
 * workspace as its owner, once: a second start finds it by name and leaves it as it is.
 */
export async function ensureDemoFlow(baseUrl: string, ownerToken: string): Promise<{ id: string; name: string; created: boolean }> {
  const api = createClient({ url: baseUrl, token: ownerToken });
  const { name, description, definition } = TAG_TIME_ENTRIES_WITHOUT_PROJECT;
  const existing = (await api.flows.list.query()).find((f) => f.name === name);
  if (existing) return { id: existing.id, name, created: false };
  const flow = await api.flows.create.mutate({ name, description, definition, enabled: true });

  return { id: flow.id, name, created: true };
}
