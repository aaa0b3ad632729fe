import { z } from 'zod';

import { Installation, newId, WebhookSubscription, type TInstallation } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';
import { sha256Hex } from '../security/token-cipher';
import { resolveApiHosts } from './api-hosts';
import { clockifyNetOf } from './clockify-fetch';
import { verifyInstallationToken } from './installation-token';

export const ZInstalledBodySchema = z.object({
  addonId: z.string().min(1),
  authToken: z.string().min(1),
  workspaceId: z.string().min(1),
  asUser: z.string().optional(),
  apiUrl: z.string().optional(),
  addonUserId: z.string().optional(),
  webhooks: z
    .array(z.object({ path: z.string(), webhookType: z.string().optional(), authToken: z.string().min(1), event: z.string().optional() }))
    .default([]),
});
export type TInstalledBody = z.infer<typeof ZInstalledBodySchema>;

/**
 * Stores (or refreshes) an installation: token encrypted, API hosts from the token's own claims (or a
 * Clockify / allow-listed `apiUrl`), the manifest webhooks' tokens. Idempotent: a repeated INSTALLED
 * updates the same row; one under another add-on id is refused while the installation exists.
 */
export async function saveInstallation(deps: TApiDeps, body: TInstalledBody): Promise<TInstallation> {
  const claims = await verifyInstallationToken(deps, body);
  const { apiUrl, reportsUrl } = resolveApiHosts(clockifyNetOf(deps).policy, claims, body.apiUrl);
  const em = deps.db.fork();
  const now = Date.now();
  const tokenCipher = deps.cipher.encrypt(body.authToken, body.workspaceId);

  await em.transactional(async (tem) => {
    const existing = await tem.findOne(Installation, { workspaceId: body.workspaceId });
    if (existing && existing.status !== 'DELETED' && existing.addonId !== body.addonId) {
      throw new UserError(
        'CONFLICT',
        `the add-on is installed on this workspace under another addonId (${existing.addonId}); uninstall it first`,
      );
    }
    const fields = {
      addonId: body.addonId,
      status: 'ACTIVE' as const,
      tokenCipher,
      apiUrl,
      reportsUrl,
      ownerUserId: claims.user ? String(claims.user) : (body.asUser ?? null),
      updatedAt: now,
      uninstalledAt: null,
    };
    if (existing) {
      tem.assign(existing, existing.status === 'DELETED' ? { ...fields, settings: {}, installedAt: now } : fields);
    } else {
      tem.create(Installation, { id: newId(), workspaceId: body.workspaceId, settings: {}, installedAt: now, ...fields });
    }
    await tem.nativeDelete(WebhookSubscription, { workspaceId: body.workspaceId, origin: 'manifest' });
    for (const hook of body.webhooks) {
      tem.create(WebhookSubscription, {
        id: newId(),
        workspaceId: body.workspaceId,
        eventType: hook.event ?? '*',
        origin: 'manifest',
        clockifyWebhookId: null,
        tokenHash: sha256Hex(hook.authToken),
        tokenCipher: deps.cipher.encrypt(hook.authToken, body.workspaceId),
        path: hook.path,
        createdAt: now,
      });
    }
  });
  // Repeated INSTALLED replaces the manifest webhooks' tokens: cached credentials must not outlive them.
  deps.bus.publish({ type: 'installation.changed', workspaceId: body.workspaceId });

  return deps.db.fork().findOneOrFail(Installation, { workspaceId: body.workspaceId });
}
