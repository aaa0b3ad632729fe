/**
 * Authenticity of Clockify's lifecycle callbacks. Clockify signs every token it issues to the add-on with
 * one key (installation, member iframe, webhook and lifecycle tokens alike) and does not document the
 * lifecycle token's claims, so a valid signature alone proves little: these checks decide what else a
 * token must be (and must not be) before a lifecycle callback may change an installation.
 */
import { timingSafeEqual } from 'node:crypto';

import { verifyClockifyToken, type TClockifyClaims } from '@uw/clockify';
import { installationQueries, subscriptionQueries } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';
import { sha256Hex } from '../security/token-cipher';

/** Claims only a member's 30-minute iframe (user) token carries (PLATFORM §4.2). */
export const USER_TOKEN_CLAIMS = ['workspaceRole', 'language', 'theme'] as const;

export type TLifecycleClaims = TClockifyClaims & { workspaceId: string; addonId: string };
export type TVerifiedLifecycleToken = { hash: string; claims: TLifecycleClaims };
export type TLifecycleBody = { workspaceId: string; addonId: string; authToken?: string };
/** One lifecycle callback: its verified token, its body, and whether it is INSTALLED. */
export type TLifecycleCall = { token: TVerifiedLifecycleToken; body: TLifecycleBody; isInstall: boolean };

const unauthorized = (message: string) => new UserError('UNAUTHORIZED', message);

export const carriesUserClaims = (claims: TClockifyClaims) => USER_TOKEN_CLAIMS.some((c) => claims[c] !== undefined);

/**
 * Step one, before the body is read: Clockify's signature, the `workspaceId` and `addonId` claims every
 * lifecycle token must carry, and none of a member's iframe-token claims. A forged token is 401 whatever
 * the body holds.
 */
export async function verifyLifecycleSignature(deps: TApiDeps, token: string | undefined): Promise<TVerifiedLifecycleToken> {
  if (!token) throw unauthorized('missing X-Addon-Lifecycle-Token');
  if (!deps.clockifyKey) throw unauthorized('UW_CLOCKIFY_PUBLIC_KEY is not configured');
  let claims: TClockifyClaims;
  try {
    claims = await verifyClockifyToken(token, { publicKey: deps.clockifyKey, addonKey: deps.config.addonKey });
  } catch (err) {
    throw unauthorized(`invalid lifecycle token: ${(err as { reason?: string }).reason ?? (err as Error).message}`);
  }
  if (!claims.workspaceId || !claims.addonId) {
    throw unauthorized('lifecycle token carries no workspaceId or no addonId claim');
  }
  if (carriesUserClaims(claims)) {
    throw unauthorized(`a member's user token is not a lifecycle token (it carries ${USER_TOKEN_CLAIMS.join('/')})`);
  }

  return { hash: sha256Hex(token), claims: claims as TLifecycleClaims };
}

const sameHash = (a: string, b: string) => timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

/** The token is none of the credentials we hold for the workspace (webhook tokens, the installation token). */
async function refuseStoredCredentials(deps: TApiDeps, hash: string, stored: { workspaceId: string; tokenCipher: string | null }) {
  const { workspaceId, tokenCipher } = stored;
  if (await subscriptionQueries.hasSubscriptionToken(deps.db, workspaceId, hash))
    throw unauthorized('a webhook token is not a lifecycle token');
  if (tokenCipher && sameHash(sha256Hex(deps.cipher.decrypt(tokenCipher, workspaceId)), hash)) {
    throw unauthorized('the installation token is not a lifecycle token');
  }
}

/**
 * Step two, with the body: the claims name the body's workspace and add-on and the stored installation's
 * add-on; the token is not a credential we already hold (nor, for INSTALLED, the body's own authToken).
 * A re-INSTALL under another add-on id while an installation exists is a 409.
 */
export async function checkLifecycleToken(deps: TApiDeps, { token, body, isInstall }: TLifecycleCall) {
  const { claims, hash } = token;
  if (claims.workspaceId !== body.workspaceId) throw unauthorized('lifecycle token belongs to another workspace');
  if (claims.addonId !== body.addonId) throw unauthorized('lifecycle token belongs to another add-on');
  if (body.authToken && sameHash(sha256Hex(body.authToken), hash)) {
    throw unauthorized('the installation token is not a lifecycle token');
  }
  const installation = await installationQueries.findInstallation(deps.db, body.workspaceId);
  const live = installation && installation.status !== 'DELETED' ? installation : null;
  if (live && live.addonId !== claims.addonId) {
    if (isInstall) {
      throw new UserError(
        'CONFLICT',
        `the add-on is installed on this workspace under another addonId (${live.addonId}); uninstall it first`,
      );
    }
    throw unauthorized("lifecycle token's addonId is not this workspace's installation's");
  }
  await refuseStoredCredentials(deps, hash, { workspaceId: body.workspaceId, tokenCipher: live?.tokenCipher ?? null });
}
