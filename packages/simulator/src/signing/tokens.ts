import type { TWorkspaceData } from '../state/workspace-data';
import { installationClaims, lifecycleClaims, userClaims, webhookClaims, type TAddonIdentity, type THosts } from './claims';
import type { TTokenIssuer } from './token-issuer';

export type TUserTokenOptions = { role?: string; userId?: string; ttlSec?: number };

/** Mints every kind of token for one workspace's installation of the add-on. */
export type TTokens = {
  installation(ws: TWorkspaceData): Promise<string>;
  webhook(ws: TWorkspaceData, webhookId: string): Promise<string>;
  lifecycle(ws: TWorkspaceData): Promise<string>;
  user(ws: TWorkspaceData, options?: TUserTokenOptions): Promise<string>;
};

const identity = (ws: TWorkspaceData): TAddonIdentity => ({
  addonKey: ws.installation.addonKey,
  addonId: ws.installation.addonId,
  workspaceId: ws.workspace.id,
});

export function createTokens(issuer: TTokenIssuer, hosts: () => THosts): TTokens {
  const nowSec = () => Math.floor(Date.now() / 1000);

  return {
    installation: (ws) => issuer.issue('installation', installationClaims(identity(ws), hosts(), ws.workspace.ownerId)),
    webhook: (ws, webhookId) => issuer.issue('webhook', webhookClaims(identity(ws), webhookId)),
    lifecycle: (ws) => issuer.issue('lifecycle', lifecycleClaims(identity(ws), nowSec())),
    user: (ws, o = {}) =>
      issuer.issue(
        'user',
        userClaims(identity(ws), hosts(), {
          userId: o.userId ?? ws.workspace.ownerId,
          role: o.role ?? 'OWNER',
          nowSec: nowSec(),
          ttlSec: o.ttlSec ?? 1800,
        }),
      ),
  };
}
