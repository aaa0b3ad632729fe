/**
 * Claims of the tokens Clockify issues to an add-on (PLATFORM.md §4.2): every token carries iss 'clockify',
 * sub = the add-on key, type 'addon', workspaceId and addonId; installation and user tokens add the API hosts.
 */
export type TTokenKind = 'installation' | 'user' | 'webhook' | 'lifecycle';

export type TAddonIdentity = { addonKey: string; addonId: string; workspaceId: string };
export type THosts = { backendUrl: string; reportsUrl: string };

export const baseClaims = (a: TAddonIdentity) => ({
  iss: 'clockify',
  sub: a.addonKey,
  type: 'addon',
  workspaceId: a.workspaceId,
  addonId: a.addonId,
});

/** No `exp` and none of the user-token-only claims (`workspaceRole`, `language`, `theme`), as PLATFORM.md §4.2 says. */
export function installationClaims(a: TAddonIdentity, hosts: THosts, ownerId: string) {
  return { ...baseClaims(a), user: ownerId, ...hosts };
}

export function userClaims(a: TAddonIdentity, hosts: THosts, input: { userId: string; role: string; nowSec: number; ttlSec: number }) {
  return {
    ...baseClaims(a),
    user: input.userId,
    ...hosts,
    workspaceRole: input.role,
    language: 'EN',
    theme: 'DEFAULT',
    iat: input.nowSec,
    exp: input.nowSec + input.ttlSec,
  };
}

/** Webhook tokens are static per webhook; jti keeps two webhooks' tokens apart. */
export const webhookClaims = (a: TAddonIdentity, webhookId: string) => ({ ...baseClaims(a), jti: webhookId });

export const lifecycleClaims = (a: TAddonIdentity, nowSec: number) => ({ ...baseClaims(a), iat: nowSec, exp: nowSec + 300 });
