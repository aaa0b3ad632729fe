/**
 * Claims of the tokens Clockify issues to an add-on (PLATFORM.md §4.2): every token carries iss 'clockify',
 * sub = the add-on key, type 'addon', workspaceId and addonId; installation and user tokens add the API hosts.
 */
export type TokenKind = 'installation' | 'user' | 'webhook' | 'lifecycle';

export type AddonIdentity = { addonKey: string; addonId: string; workspaceId: string };
export type Hosts = { backendUrl: string; reportsUrl: string };

export const baseClaims = (a: AddonIdentity) => ({
  iss: 'clockify',
  sub: a.addonKey,
  type: 'addon',
  workspaceId: a.workspaceId,
  addonId: a.addonId,
});

/** No `exp` and none of the user-token-only claims (`workspaceRole`, `language`, `theme`), as PLATFORM.md §4.2 says. */
export function installationClaims(a: AddonIdentity, hosts: Hosts, ownerId: string) {
  return { ...baseClaims(a), user: ownerId, ...hosts };
}

export function userClaims(a: AddonIdentity, hosts: Hosts, input: { userId: string; role: string; nowSec: number; ttlSec: number }) {
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
export const webhookClaims = (a: AddonIdentity, webhookId: string) => ({ ...baseClaims(a), jti: webhookId });

export const lifecycleClaims = (a: AddonIdentity, nowSec: number) => ({ ...baseClaims(a), iat: nowSec, exp: nowSec + 300 });
