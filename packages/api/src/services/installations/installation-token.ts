import { verifyClockifyToken, type TClockifyClaims } from '@uw/clockify';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';
import { carriesUserClaims, USER_TOKEN_CLAIMS } from './lifecycle-token';

const notInstallationToken = (why: string) => new UserError('UNAUTHORIZED', `authToken is not an installation token: ${why}`);

/**
 * INSTALLED's `authToken` becomes the credential of every Clockify call and of the admin UI, so it must be
 * what Clockify documents an installation token to be: signed by Clockify for this workspace and add-on,
 * never expiring, carrying the owner's `user` id and none of a member's iframe-token claims.
 */
export async function verifyInstallationToken(
  deps: TApiDeps,
  body: { authToken: string; workspaceId: string; addonId: string },
): Promise<TClockifyClaims> {
  if (!deps.clockifyKey) {
    throw new UserError('UNAUTHORIZED', 'UW_CLOCKIFY_PUBLIC_KEY is not configured');
  }
  let claims: TClockifyClaims;
  try {
    claims = await verifyClockifyToken(body.authToken, { publicKey: deps.clockifyKey, addonKey: deps.config.addonKey });
  } catch (err) {
    throw new UserError(
      'UNAUTHORIZED',
      `installation token is not valid: ${(err as { reason?: string }).reason ?? (err as Error).message}`,
    );
  }
  if (claims.workspaceId !== body.workspaceId) {
    throw new UserError('WORKSPACE_MISMATCH', 'installation token belongs to another workspace');
  }
  if (claims.addonId !== body.addonId) throw notInstallationToken("its addonId claim is not the body's");
  if (claims.exp !== undefined) throw notInstallationToken('it expires (installation tokens never do)');
  if (carriesUserClaims(claims)) throw notInstallationToken(`it carries a member's ${USER_TOKEN_CLAIMS.join('/')} claims`);
  if (!claims.user) throw notInstallationToken("it carries no user claim (the owner's id)");

  return claims;
}
