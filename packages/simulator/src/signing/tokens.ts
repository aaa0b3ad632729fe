import type { WorkspaceData } from '../state/workspace-data';
import { installationClaims, lifecycleClaims, userClaims, webhookClaims, type AddonIdentity, type Hosts } from './claims';
import type { TokenIssuer } from './token-issuer';

export type UserTokenOptions = { role?: string; userId?: string; ttlSec?: number };

/** Mints every kind of token for one workspace's installation of the add-on. */
export type Tokens = {
  installation(ws: WorkspaceData): Promise<string>;
  webhook(ws: WorkspaceData, webhookId: string): Promise<string>;
  lifecycle(ws: WorkspaceData): Promise<string>;
  user(ws: WorkspaceData, options?: UserTokenOptions): Promise<string>;
};

const identity = (ws: WorkspaceData): AddonIdentity => ({
  addonKey: ws.installation.addonKey,
  addonId: ws.installation.addonId,
  workspaceId: ws.workspace.id,
});

export function createTokens(issuer: TokenIssuer, hosts: () => Hosts): Tokens {
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
