import { createHash } from 'node:crypto';

import { verifyClockifyToken, type TClockifyClaims } from '@uw/clockify';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';

/** A genuine token's claims and its sha256 (hex), the key of its stored subscription. */
export type TVerifiedToken = { claims: TClockifyClaims; tokenHash: string };

/**
 * A webhook's `clockify-signature` never changes, so its RS256 check (and its hash) is cached by the token
 * (bounded, oldest evicted). The cache only remembers that the JWT is genuine; the caller still matches
 * the token against the workspace's stored subscriptions on every request, so an uninstall revokes at once.
 */
export function createSignatureCache(deps: TApiDeps, max = 10_000) {
  const cache = new Map<string, TVerifiedToken>();

  return async function verify(token: string): Promise<TVerifiedToken> {
    const hit = cache.get(token);
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
    const verified = { claims, tokenHash: createHash('sha256').update(token).digest('hex') };
    cache.set(token, verified);

    return verified;
  };
}
