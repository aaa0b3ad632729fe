import { z } from 'zod';

import { installationQueries, type TInstallation } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';
import { sha256Hex } from '../security/token-cipher';
import { resolveApiHosts } from './api-hosts';
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
  const { apiUrl, reportsUrl } = resolveApiHosts(deps.clockifyNet.policy, claims, body.apiUrl);
  const now = Date.now();
  const webhooks = body.webhooks.map((hook) => ({
    eventType: hook.event ?? '*',
    tokenHash: sha256Hex(hook.authToken),
    tokenCipher: deps.cipher.encrypt(hook.authToken, body.workspaceId),
    path: hook.path,
  }));
  const fields = {
    addonId: body.addonId,
    status: 'ACTIVE' as const,
    tokenCipher: deps.cipher.encrypt(body.authToken, body.workspaceId),
    apiUrl,
    reportsUrl,
    ownerUserId: claims.user ? String(claims.user) : (body.asUser ?? null),
  };
  const stored = await installationQueries.recordInstall(deps.db, body.workspaceId, {
    fields,
    webhooks,
    now,
    check: (existing) => {
      if (existing && existing.status !== 'DELETED' && existing.addonId !== body.addonId) {
        throw new UserError(
          'CONFLICT',
          `the add-on is installed on this workspace under another addonId (${existing.addonId}); uninstall it first`,
        );
      }
    },
  });
  // Repeated INSTALLED replaces the manifest webhooks' tokens: cached credentials must not outlive them.
  deps.bus.publish({ type: 'installation.changed', workspaceId: body.workspaceId });

  return stored;
}
