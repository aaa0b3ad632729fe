import { MANIFEST_EVENT_TYPES } from '@uw/clockify';

import type { TWebhookRecord } from '../state/workspace-data';
import { workspaceOf, type TSimCore } from './core';
import { joinUrl, postJson } from './post-json';

export type TManifestWebhook = string | { event: string; path?: string };
export type TInstallOptions = {
  addonKey?: string;
  /** the manifest's webhooks (event names, or { event, path } with path a full URL); default: @uw/clockify's
   * MANIFEST_EVENT_TYPES at `${baseUrl}/webhooks/clockify`, as the product's manifest declares them */
  webhooks?: readonly TManifestWebhook[];
  /** where the callback goes, relative to the base URL (default '/lifecycle/installed') */
  path?: string;
};
export type TInstallResult = {
  status: number;
  response: unknown;
  /** the installation token (X-Addon-Token for API calls) */
  authToken: string;
  lifecycleToken: string;
  webhooks: { event: string; path: string; authToken: string }[];
  body: Record<string, unknown>;
  error?: string;
};

async function manifestHooks(
  core: TSimCore,
  ws: ReturnType<typeof workspaceOf>,
  { baseUrl, hooks }: { baseUrl: string; hooks: readonly TManifestWebhook[] },
) {
  const made: TWebhookRecord[] = [];
  for (const hook of hooks) {
    const { event, path } = typeof hook === 'string' ? { event: hook, path: undefined } : hook;
    const id = core.store.ctx.id();
    made.push({
      id,
      workspaceId: ws.workspace.id,
      name: `${ws.installation.addonKey} ${event}`,
      url: path ?? joinUrl(baseUrl, '/webhooks/clockify'),
      webhookEvent: event,
      triggerSource: [],
      triggerSourceType: 'WORKSPACE_ID',
      authToken: await core.tokens.webhook(ws, id),
      userId: ws.installation.addonUserId,
      enabled: true,
      origin: 'manifest',
      addonId: ws.installation.addonId,
    });
  }

  return made;
}

/**
 * Installs the add-on on a workspace the way Clockify does: (re)issues the installation token when needed,
 * mints one token per manifest webhook, and POSTs INSTALLED (signed with X-Addon-Lifecycle-Token).
 */
export async function installInto(
  core: TSimCore,
  { baseUrl, workspaceId }: { baseUrl: string; workspaceId: string },
  options: TInstallOptions = {},
): Promise<TInstallResult> {
  const ws = workspaceOf(core, workspaceId);
  const addonKey = options.addonKey ?? ws.installation.addonKey;
  if (ws.installation.status === 'DELETED' || addonKey !== ws.installation.addonKey || !ws.installation.token) {
    ws.installation.addonKey = addonKey;
    ws.installation.token = await core.tokens.installation(ws);
  }
  ws.installation.status = 'ACTIVE';
  ws.installation.baseUrl = baseUrl;
  const hooks = await manifestHooks(core, ws, { baseUrl, hooks: options.webhooks ?? MANIFEST_EVENT_TYPES.map((e) => e.name) });
  ws.installation.webhooks = hooks;
  const body = {
    addonId: ws.installation.addonId,
    authToken: ws.installation.token,
    workspaceId: ws.workspace.id,
    asUser: ws.workspace.ownerId,
    apiUrl: core.urls.apiUrl,
    addonUserId: ws.installation.addonUserId,
    webhooks: hooks.map((h) => ({ path: h.url, webhookType: 'ADDON', authToken: h.authToken, event: h.webhookEvent })),
  };
  const lifecycleToken = await core.tokens.lifecycle(ws);
  const url = joinUrl(baseUrl, options.path ?? '/lifecycle/installed');
  const result = await postJson(url, body, { headers: { 'x-addon-lifecycle-token': lifecycleToken }, timeoutMs: core.timeoutMs });
  core.deliveries.push({
    at: Date.now(),
    kind: 'lifecycle',
    workspaceId,
    event: 'installed',
    url,
    status: result.status,
    ...(result.error ? { error: result.error } : {}),
  });

  return {
    status: result.status,
    response: result.body,
    authToken: ws.installation.token,
    lifecycleToken,
    webhooks: body.webhooks.map(({ event, path, authToken }) => ({ event, path, authToken })),
    body,
    ...(result.error ? { error: result.error } : {}),
  };
}
