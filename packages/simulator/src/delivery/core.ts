import type { TTokens } from '../signing/tokens';
import type { TStore } from '../state/store';
import type { TWorkspaceData } from '../state/workspace-data';

/** One POST the simulator made to an add-on (lifecycle callback or webhook). */
export type TDelivery = {
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
export type TSimCore = {
  store: TStore;
  tokens: TTokens;
  urls: { url: string; apiUrl: string; reportsUrl: string };
  timeoutMs: number;
  deliveries: TDelivery[];
};

export function workspaceOf(core: TSimCore, workspaceId: string): TWorkspaceData {
  const ws = core.store.get(workspaceId);
  if (!ws) {
    throw new Error(`unknown workspace ${workspaceId}; known: ${[...core.store.workspaces.keys()].join(', ')}`);
  }

  return ws;
}
