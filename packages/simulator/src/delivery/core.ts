import type { Tokens } from '../signing/tokens';
import type { Store } from '../state/store';
import type { WorkspaceData } from '../state/workspace-data';

/** One POST the simulator made to an add-on (lifecycle callback or webhook). */
export type Delivery = {
  at: number;
  kind: 'lifecycle' | 'webhook';
  workspaceId: string;
  /** event type, or the lifecycle path ('installed', 'uninstalled', …) */
  event: string;
  url: string;
  status: number;
  error?: string;
};

/** What the lifecycle and webhook senders share. */
export type SimCore = {
  store: Store;
  tokens: Tokens;
  urls: { url: string; apiUrl: string; reportsUrl: string };
  timeoutMs: number;
  deliveries: Delivery[];
};

export function workspaceOf(core: SimCore, workspaceId: string): WorkspaceData {
  const ws = core.store.get(workspaceId);
  if (!ws) {
    throw new Error(`unknown workspace ${workspaceId}; known: ${[...core.store.workspaces.keys()].join(', ')}`);
  }

  return ws;
}
