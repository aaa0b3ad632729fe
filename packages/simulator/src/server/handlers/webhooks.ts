import type { TWebhookRecord } from '../../state/workspace-data';
import { bodyOf, findOr404 } from './entities';
import { str } from './query';
import { api, type TRouteDef } from './types';

const BASE = '/v1/workspaces/{workspaceId}/webhooks';

/** WebhookDtoV1 */
export const webhookDto = (w: TWebhookRecord) => ({
  id: w.id,
  workspaceId: w.workspaceId,
  name: w.name,
  url: w.url,
  webhookEvent: w.webhookEvent,
  triggerSource: w.triggerSource,
  triggerSourceType: w.triggerSourceType,
  authToken: w.authToken,
  userId: w.userId,
  enabled: w.enabled,
  deliveryEnabled: true,
  planEnabled: true,
});

const listOf = (hooks: TWebhookRecord[], total: number) => ({ body: { webhooks: hooks.map(webhookDto), workspaceWebhookCount: total } });

function typeOf(w: TWebhookRecord): 'ADDON' | 'USER_CREATED' {
  return w.addonId ? 'ADDON' : 'USER_CREATED';
}

export const webhookRoutes: TRouteDef[] = [
  api({ method: 'GET', path: BASE, operationId: 'getWebhooks' }, ({ ws, query }) => {
    const type = str(query, 'type');

    return listOf(
      ws.webhooks.filter((w) => !type || typeOf(w) === type),
      ws.webhooks.length,
    );
  }),
  api(
    { method: 'GET', path: '/v1/workspaces/{workspaceId}/addons/{addonId}/webhooks', operationId: 'getAddonWebhooks' },
    ({ ws, params }) =>
      listOf(
        ws.webhooks.filter((w) => w.addonId === params.addonId),
        ws.webhooks.length,
      ),
  ),
  api({ method: 'POST', path: BASE, operationId: 'createWebhook' }, async ({ ws, body, auth, store, services }) => {
    const b = bodyOf(body);
    const id = store.ctx.id();
    const hook: TWebhookRecord = {
      id,
      workspaceId: ws.workspace.id,
      name: typeof b.name === 'string' ? b.name : `Webhook ${ws.webhooks.length + 1}`,
      url: String(b.url),
      webhookEvent: String(b.webhookEvent),
      triggerSource: (b.triggerSource as string[] | undefined) ?? [],
      triggerSourceType: String(b.triggerSourceType ?? 'WORKSPACE_ID'),
      authToken: await services.issueWebhookToken(ws, id),
      userId: auth.userId ?? ws.workspace.ownerId,
      enabled: true,
      origin: 'api',
      addonId: ws.installation.addonId,
    };
    ws.webhooks.push(hook);

    return { status: 201, body: webhookDto(hook) };
  }),
  api({ method: 'GET', path: `${BASE}/{webhookId}`, operationId: 'getWebhook' }, ({ ws, params }) => ({
    body: webhookDto(findOr404(ws.webhooks, params.webhookId, 'Webhook')),
  })),
  api({ method: 'PUT', path: `${BASE}/{webhookId}`, operationId: 'updateWebhook' }, ({ ws, params, body }) => {
    const hook = findOr404(ws.webhooks, params.webhookId, 'Webhook');
    const b = bodyOf(body);
    Object.assign(hook, {
      url: String(b.url ?? hook.url),
      webhookEvent: String(b.webhookEvent ?? hook.webhookEvent),
      name: typeof b.name === 'string' ? b.name : hook.name,
      triggerSource: (b.triggerSource as string[] | undefined) ?? hook.triggerSource,
      triggerSourceType: String(b.triggerSourceType ?? hook.triggerSourceType),
    });

    return { body: webhookDto(hook) };
  }),
  api({ method: 'PATCH', path: `${BASE}/{webhookId}/token`, operationId: 'generateNewToken' }, async ({ ws, params, services }) => {
    const hook = findOr404(ws.webhooks, params.webhookId, 'Webhook');
    hook.authToken = await services.issueWebhookToken(ws, `${hook.id}:${Date.now()}`);

    return { body: webhookDto(hook) };
  }),
  api({ method: 'DELETE', path: `${BASE}/{webhookId}`, operationId: 'deleteWebhook' }, ({ ws, params }) => {
    const hook = findOr404(ws.webhooks, params.webhookId, 'Webhook');
    ws.webhooks = ws.webhooks.filter((w) => w.id !== hook.id);

    return { status: 200 };
  }),
];
