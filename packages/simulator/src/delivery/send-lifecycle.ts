import type { TWorkspaceData } from '../state/workspace-data';
import { workspaceOf, type TSimCore } from './core';
import { joinUrl, postJson } from './post-json';

export type TLifecycleKind = 'status-changed' | 'settings-updated' | 'uninstalled';
/** Where a lifecycle callback goes: the add-on's base URL, the callback and the workspace it is for. */
export type TLifecycleTarget = { addonUrl: string; kind: TLifecycleKind; workspaceId: string };
export type TLifecycleResult = { status: number; response: unknown; lifecycleToken: string; body: Record<string, unknown>; error?: string };

function defaultBody(kind: TLifecycleKind, ws: TWorkspaceData): Record<string, unknown> {
  const ids = { addonId: ws.installation.addonId, workspaceId: ws.workspace.id };
  switch (kind) {
    case 'status-changed':
      return { ...ids, status: 'INACTIVE' };
    case 'settings-updated':
      return { ...ids, settings: [] };
    case 'uninstalled':
      return { ...ids, asUser: ws.workspace.ownerId };
  }
}

/** Applies what the callback tells the add-on to Clockify's own record of the installation. */
function applyToState(kind: TLifecycleKind, ws: TWorkspaceData, body: Record<string, unknown>): void {
  if (kind === 'status-changed') {
    ws.installation.status = body.status === 'ACTIVE' ? 'ACTIVE' : 'INACTIVE';
  } else if (kind === 'settings-updated' && Array.isArray(body.settings)) {
    ws.installation.settings = body.settings as TWorkspaceData['installation']['settings'];
  } else if (kind === 'uninstalled') {
    ws.installation.status = 'DELETED';
    ws.webhooks = ws.webhooks.filter((w) => w.addonId !== ws.installation.addonId);
    ws.installation.webhooks = [];
  }
}

/**
 * POSTs STATUS_CHANGED / SETTINGS_UPDATED / DELETED to `${baseUrl}/lifecycle/${kind}`. An uninstall takes
 * effect after the add-on answered, so it can still clean up with its token during the callback.
 */
export async function sendLifecycle(
  core: TSimCore,
  target: TLifecycleTarget,
  body: Record<string, unknown> = {},
): Promise<TLifecycleResult> {
  const { kind, workspaceId } = target;
  const ws = workspaceOf(core, workspaceId);
  const payload = { ...defaultBody(kind, ws), ...body };
  const lifecycleToken = await core.tokens.lifecycle(ws);
  if (kind !== 'uninstalled') {
    applyToState(kind, ws, payload);
  }
  const url = joinUrl(target.addonUrl, `/lifecycle/${kind}`);
  const result = await postJson(url, payload, { headers: { 'x-addon-lifecycle-token': lifecycleToken }, timeoutMs: core.timeoutMs });
  if (kind === 'uninstalled') {
    applyToState(kind, ws, payload);
  }
  core.deliveries.push({
    at: Date.now(),
    kind: 'lifecycle',
    workspaceId,
    event: kind,
    url,
    status: result.status,
    ...(result.error ? { error: result.error } : {}),
  });

  return { status: result.status, response: result.body, lifecycleToken, body: payload, ...(result.error ? { error: result.error } : {}) };
}
