import { verifyClockifyToken, type TClockifyClaims } from '@uw/clockify';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';

/**
 * A webhook's `clockify-signature` never changes, so its RS256 check is cached by the token's hash
 * (bounded, oldest evicted). The cache only remembers that the JWT is genuine; the caller still matches
 * the token against the workspace's stored subscriptions on every request, so an uninstall revokes at once.
 */
export function createSignatureCache(deps: TApiDeps, max = 10_000) {
  const cache = new Map<string, TClockifyClaims>();

  return async function verify(token: string, tokenHash: string): Promise<TClockifyClaims> {
    const hit = cache.get(tokenHash);
    if (hit) return hit;
    if (!deps.clockifyKey) {
      throw new UserError('SIGNATURE_INVALID', 'signature cannot be checked: UW_CLOCKIFY_PUBLIC_KEY is not configured');
    }
    let claims: TClockifyClaims;
    try {
      claims = await verifyClockifyToken(token, { publicKey: deps.clockifyKey, addonKey: deps.config.addonKey });
    } catch (err) {
      throw new UserError(
        'SIGNATURE_INVALID',
        `clockify-signature is not valid: ${(err as { reason?: string }).reason ?? (err as Error).message}`,
      );
    }
    if (cache.size >= max) {
      cache.delete(cache.keys().next().value!);
    }
    cache.set(tokenHash, claims);

    return claims;
  };
}
