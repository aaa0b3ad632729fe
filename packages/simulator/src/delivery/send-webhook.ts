import { buildWebhookBody } from '../bodies/index';
import { allWebhooks, type TWebhookRecord, type TWorkspaceData } from '../state/workspace-data';
import { workspaceOf, type TSimCore } from './core';
import { joinUrl, postJson, type TPostResult } from './post-json';

export type TSendWebhookOptions = { body?: unknown; path?: string };
/** Where a webhook goes: the add-on's base URL, and the workspace and event it is for. */
export type TWebhookTarget = { addonUrl: string; workspaceId: string; eventType: string };
export type TWebhookResult = {
  status: number;
  response: unknown;
  body: unknown;
  /** the clockify-signature sent */
  signature: string;
  /** false when no webhook for this event was registered (install or API): a freshly signed token was used */
  registered: boolean;
  url: string;
  error?: string;
};

/** The registered webhook for an event: the one pointing at `url` first, else any. */
function registeredFor(ws: TWorkspaceData, eventType: string, url: string): TWebhookRecord | undefined {
  const hooks = allWebhooks(ws);

  return hooks.find((w) => w.webhookEvent === eventType && w.url === url) ?? hooks.find((w) => w.webhookEvent === eventType);
}

async function deliver(
  core: TSimCore,
  ws: TWorkspaceData,
  target: { url: string; eventType: string; signature: string; body: unknown },
): Promise<TPostResult> {
  const { body } = target;
  const headers = { 'clockify-signature': target.signature, 'clockify-webhook-event-type': target.eventType };
  const result = await postJson(target.url, body, { headers, timeoutMs: core.timeoutMs });
  core.deliveries.push({
    at: Date.now(),
    kind: 'webhook',
    workspaceId: ws.workspace.id,
    event: target.eventType,
    url: target.url,
    status: result.status,
    ...(result.error ? { error: result.error } : {}),
  });

  return result;
}

const bodyFor = (core: TSimCore, ws: TWorkspaceData, event: { eventType: string; body: unknown }) =>
  event.body ?? buildWebhookBody(event.eventType, { ctx: core.store.ctx, ws });

/** One webhook POST to `${baseUrl}${path}` (default /webhooks/clockify), signed with the event's stored token. */
export async function sendWebhook(core: TSimCore, target: TWebhookTarget, options: TSendWebhookOptions = {}): Promise<TWebhookResult> {
  const { eventType } = target;
  const ws = workspaceOf(core, target.workspaceId);
  const url = joinUrl(target.addonUrl, options.path ?? '/webhooks/clockify');
  const hook = registeredFor(ws, eventType, url);
  const signature = hook?.authToken ?? (await core.tokens.webhook(ws, core.store.ctx.id()));
  const body = bodyFor(core, ws, { eventType, body: options.body });
  const result = await deliver(core, ws, { url, eventType, signature, body });

  return {
    status: result.status,
    response: result.body,
    body,
    signature,
    registered: hook !== undefined,
    url,
    ...(result.error ? { error: result.error } : {}),
  };
}

export type TEmitResult = { body: unknown; deliveries: { webhookId: string; url: string; status: number; error?: string }[] };

/**
 * What Clockify does when something happens: one body, POSTed to every webhook registered for the event
 * (manifest and API ones; the add-on's only while its installation is ACTIVE).
 */
export async function emitWebhook(core: TSimCore, event: { workspaceId: string; eventType: string; body?: unknown }): Promise<TEmitResult> {
  const { eventType } = event;
  const ws = workspaceOf(core, event.workspaceId);
  const body = bodyFor(core, ws, { eventType, body: event.body });
  const hooks = allWebhooks(ws).filter(
    (w) => w.webhookEvent === eventType && w.enabled && (!w.addonId || ws.installation.status === 'ACTIVE'),
  );
  const deliveries = await Promise.all(
    hooks.map(async (h) => {
      const r = await deliver(core, ws, { url: h.url, eventType, signature: h.authToken, body });

      return { webhookId: h.id, url: h.url, status: r.status, ...(r.error ? { error: r.error } : {}) };
    }),
  );

  return { body, deliveries };
}
