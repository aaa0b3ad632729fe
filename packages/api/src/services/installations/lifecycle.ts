import { z } from 'zod';

import { installationQueries } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';
import { recordClockifyChange } from '../audit/record-audit';
import { clearWorkspaceCache } from '../cache/cache-store';
import { parseSettingsUpdate } from '../settings/effective-settings';
import { saveInstallation, type TInstalledBody } from './install';
import { claimLifecycleToken, releaseLifecycleToken } from './lifecycle-replay';
import { checkLifecycleToken, type TLifecycleCall } from './lifecycle-token';
import { removeWebhooks, repairWebhooks } from './webhook-registrations';

export const ZStatusBodySchema = z.object({ addonId: z.string(), workspaceId: z.string(), status: z.enum(['ACTIVE', 'INACTIVE']) });
export const ZSettingsBodySchema = z.object({
  addonId: z.string(),
  workspaceId: z.string(),
  settings: z.array(z.object({ id: z.string(), name: z.string().optional(), value: z.unknown() })),
});
export const ZDeletedBodySchema = z.object({ addonId: z.string(), workspaceId: z.string(), asUser: z.string().optional() });

export { verifyLifecycleSignature, type TVerifiedLifecycleToken } from './lifecycle-token';

export type TLifecycleHooks = { onInstalled?: (workspaceId: string) => void };

/**
 * Runs one lifecycle callback whose token passed `verifyLifecycleSignature`: checks the token against the
 * body and the stored installation, records it as used (a replay is a 409), and forgets it again when the
 * callback fails, so Clockify can retry with the same token.
 */
export async function acceptLifecycle<T>(deps: TApiDeps, call: TLifecycleCall, run: () => Promise<T>): Promise<T> {
  await checkLifecycleToken(deps, call);
  await claimLifecycleToken(deps, call.token);
  try {
    return await run();
  } catch (err) {
    await releaseLifecycleToken(deps, call.token).catch((e: Error) =>
      deps.logger.warn({ workspaceId: call.body.workspaceId, err: e }, 'could not release a failed lifecycle token'),
    );
    throw err;
  }
}

export async function handleInstalled(deps: TApiDeps, body: TInstalledBody, hooks: TLifecycleHooks = {}) {
  const installation = await saveInstallation(deps, body);
  const repair = await repairWebhooks(deps, installation).catch((err: Error) => {
    deps.logger.error({ workspaceId: body.workspaceId, err }, 'webhook registration failed; repair can be run later');

    return null;
  });
  hooks.onInstalled?.(body.workspaceId);

  return { workspaceId: installation.workspaceId, webhooks: repair };
}

async function requireInstallation(deps: TApiDeps, workspaceId: string, addonId?: string) {
  const installation = await installationQueries.findInstallation(deps.db, workspaceId);
  if (!installation || installation.status === 'DELETED' || (addonId && installation.addonId !== addonId)) {
    throw new UserError('NOT_FOUND', 'the add-on is not installed on this workspace');
  }

  return installation;
}

export async function handleStatusChanged(deps: TApiDeps, body: z.infer<typeof ZStatusBodySchema>) {
  const installation = await requireInstallation(deps, body.workspaceId, body.addonId);
  await installationQueries.updateInstallationStatus(deps.db, body.workspaceId, { id: installation.id, status: body.status });
  if (installation.status !== body.status) {
    await recordClockifyChange(deps, body.workspaceId, {
      action: 'installation.statusChanged',
      summary: `add-on ${body.status === 'ACTIVE' ? 'activated' : 'deactivated'} in Clockify`,
      details: { from: installation.status, to: body.status },
    });
  }
  if (body.status === 'ACTIVE') {
    await repairWebhooks(deps, { ...installation, status: 'ACTIVE' }).catch((err: Error) =>
      deps.logger.warn({ workspaceId: body.workspaceId, err }, 'webhook repair failed'),
    );
  }
  deps.bus.publish({ type: 'installation.changed', workspaceId: body.workspaceId });

  return { status: body.status };
}

export async function handleSettingsUpdated(deps: TApiDeps, body: z.infer<typeof ZSettingsBodySchema>) {
  const installation = await requireInstallation(deps, body.workspaceId, body.addonId);
  const update = parseSettingsUpdate(body.settings);
  const settings = { ...installation.settings, ...update };
  await installationQueries.updateInstallationSettings(deps.db, body.workspaceId, { id: installation.id, settings });
  deps.bus.publish({ type: 'installation.changed', workspaceId: body.workspaceId });
  const changes = Object.fromEntries(
    Object.entries(update)
      .filter(([id, to]) => JSON.stringify(installation.settings[id]) !== JSON.stringify(to))
      .map(([id, to]) => [id, { from: installation.settings[id] ?? null, to }]),
  );
  const names = Object.keys(changes);
  await recordClockifyChange(deps, body.workspaceId, {
    action: 'settings.updated',
    summary: names.length > 0 ? `settings saved in Clockify: ${names.join(', ')}` : 'settings saved in Clockify (no change)',
    details: { changes },
  });

  return { settings };
}

/** Uninstall: remove our API webhooks while the token still works, then forget the token and disable flows. */
export async function handleDeleted(deps: TApiDeps, body: z.infer<typeof ZDeletedBodySchema>) {
  const installation = await requireInstallation(deps, body.workspaceId, body.addonId);
  const removed = await removeWebhooks(deps, installation).catch(() => 0);
  await installationQueries.recordUninstall(deps.db, body.workspaceId, { id: installation.id, now: Date.now() });
  await recordClockifyChange(deps, body.workspaceId, { action: 'installation.uninstalled', summary: 'add-on uninstalled in Clockify' });
  deps.bus.publish({ type: 'installation.changed', workspaceId: body.workspaceId });
  await clearWorkspaceCache(deps.db, body.workspaceId);

  return { removedWebhooks: removed };
}
