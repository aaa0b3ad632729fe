import { API_EVENT_TYPES } from '@uw/clockify';
import { installationQueries, subscriptionQueries, type TInstallation } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { sha256Hex } from '../security/token-cipher';
import { emitInternalEvent } from '../triggers/internal-events';
import { clockifyFor } from './clockify-for';

type TRemoteWebhook = { id: string; webhookEvent?: string; url?: string; authToken?: string };
export type TRepairResult = { created: string[]; kept: string[]; failed: { event: string; message: string }[] };

export const webhookUrlOf = (deps: TApiDeps) => `${deps.config.baseUrl.replace(/\/+$/, '')}/webhooks/clockify`;

/**
 * Makes sure every event type the manifest could not declare has a webhook in Clockify pointing at us,
 * and that we hold its token. Lists first, creates only what is missing: safe to run again at any time.
 */
export async function repairWebhooks(deps: TApiDeps, installation: TInstallation): Promise<TRepairResult> {
  const client = clockifyFor(deps, installation);
  const ws = installation.workspaceId;
  const url = webhookUrlOf(deps);
  const listed = await client
    .request({
      method: 'GET',
      path: `/v1/workspaces/${encodeURIComponent(ws)}/addons/${encodeURIComponent(installation.addonId)}/webhooks`,
    })
    .catch(async (err: Error) => {
      const failed = [{ event: '*', message: `listing the registered webhooks failed: ${err.message}` }];
      await emitInternalEvent(deps, ws, { event: 'WEBHOOK_REGISTRATION_FAILED', payload: { failed, created: [] } });
      throw err;
    });
  const remote = asWebhooks(listed.body).filter((w) => w.url === url);
  const result: TRepairResult = { created: [], kept: [], failed: [] };
  const found = new Map<string, TRemoteWebhook>();
  for (const w of remote) {
    if (w.webhookEvent) found.set(w.webhookEvent, w);
  }
  for (const event of API_EVENT_TYPES) {
    const existing = found.get(event.name);
    if (existing) {
      await storeSubscription(deps, { workspaceId: ws, eventType: event.name }, existing);
      result.kept.push(event.name);
      continue;
    }
    try {
      const created = await client.request({
        method: 'POST',
        path: `/v1/workspaces/${encodeURIComponent(ws)}/webhooks`,
        body: {
          name: `uw-${event.name.toLowerCase()}`.slice(0, 30),
          url,
          webhookEvent: event.name,
          triggerSourceType: 'WORKSPACE_ID',
          triggerSource: [ws],
        },
      });
      await storeSubscription(deps, { workspaceId: ws, eventType: event.name }, created.body as TRemoteWebhook);
      result.created.push(event.name);
    } catch (err) {
      result.failed.push({ event: event.name, message: (err as Error).message });
    }
  }
  deps.logger.info(
    { workspaceId: ws, created: result.created.length, kept: result.kept.length, failed: result.failed.length },
    'webhook registrations repaired',
  );
  if (result.failed.length > 0) {
    await emitInternalEvent(deps, ws, {
      event: 'WEBHOOK_REGISTRATION_FAILED',
      payload: { failed: result.failed, created: result.created },
    });
  }

  return result;
}

async function storeSubscription(deps: TApiDeps, event: { workspaceId: string; eventType: string }, hook: TRemoteWebhook) {
  const { workspaceId, eventType } = event;
  if (!hook?.authToken || !hook.id) {
    throw new Error(`Clockify returned no webhook token for ${eventType}`);
  }
  const tokenHash = sha256Hex(hook.authToken);
  const [current] = await subscriptionQueries.listApiSubscriptions(deps.db, workspaceId, eventType);
  // Unchanged: nothing to write. A valid token is never revoked, not even for a moment.
  if (current && current.tokenHash === tokenHash && current.clockifyWebhookId === hook.id) return;
  await subscriptionQueries.replaceApiSubscription(deps.db, workspaceId, {
    eventType,
    clockifyWebhookId: hook.id,
    tokenHash,
    tokenCipher: deps.cipher.encrypt(hook.authToken, workspaceId),
    path: hook.url ?? webhookUrlOf(deps),
  });
  if (current) deps.bus.publish({ type: 'installation.changed', workspaceId });
}

/** Deletes the webhooks we registered through the API; called at uninstall while the token still works. */
export async function removeWebhooks(deps: TApiDeps, installation: TInstallation): Promise<number> {
  const subs = await subscriptionQueries.listApiSubscriptions(deps.db, installation.workspaceId);
  let removed = 0;
  const client = clockifyFor(deps, installation);
  for (const sub of subs) {
    try {
      await client.request({
        method: 'DELETE',
        path: `/v1/workspaces/${encodeURIComponent(installation.workspaceId)}/webhooks/${encodeURIComponent(String(sub.clockifyWebhookId))}`,
      });
      removed++;
    } catch (err) {
      deps.logger.warn({ workspaceId: installation.workspaceId, event: sub.eventType, err }, 'could not delete webhook');
    }
  }

  return removed;
}

function asWebhooks(body: unknown): TRemoteWebhook[] {
  if (Array.isArray(body)) return body as TRemoteWebhook[];
  const list = (body as { webhooks?: unknown })?.webhooks;

  return Array.isArray(list) ? (list as TRemoteWebhook[]) : [];
}

/** The periodic repair: every active installation, one after another; failures are logged, not fatal. */
export async function repairAllWebhooks(deps: TApiDeps) {
  const installs = await installationQueries.listActiveInstallations(deps.db);
  let repaired = 0;
  for (const inst of installs) {
    if (!inst.tokenCipher) continue;
    try {
      const result = await repairWebhooks(deps, inst);
      repaired += result.created.length;
    } catch (err) {
      deps.logger.warn({ workspaceId: inst.workspaceId, err }, 'webhook repair failed');
    }
  }

  return { installations: installs.length, created: repaired };
}
