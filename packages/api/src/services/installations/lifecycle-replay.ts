import { lifecycleTokenQueries } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';
import { DAY_MS } from '../cache/cache-store';
import type { TVerifiedLifecycleToken } from './lifecycle-token';

/** Beyond `exp`: the clock tolerance the signature check allows, with room to spare. */
const EXPIRY_SLACK_MS = 60_000;

/** How long an accepted token is remembered: until it expires, or a day when it has no `exp`. */
export function rememberUntil(claims: { exp?: number }, now = Date.now()): number {
  return typeof claims.exp === 'number' ? claims.exp * 1000 + EXPIRY_SLACK_MS : now + DAY_MS;
}

/**
 * Records the token as used, in the database so the rule holds across processes and restarts. The
 * primary key makes two concurrent uses of one token race cleanly: one wins, the other is a replay (409).
 */
export async function claimLifecycleToken(deps: TApiDeps, verified: TVerifiedLifecycleToken): Promise<void> {
  const now = Date.now();
  const claimed = await lifecycleTokenQueries.claimLifecycleToken(deps.db, {
    tokenHash: verified.hash,
    workspaceId: verified.claims.workspaceId,
    usedAt: now,
    expiresAt: rememberUntil(verified.claims, now),
  });
  if (!claimed) {
    throw new UserError('CONFLICT', 'this lifecycle token was already used: a replayed lifecycle callback is refused');
  }
}

/** Forgets a claim whose callback failed, so Clockify's retry with the same token is not taken for a replay. */
export async function releaseLifecycleToken(deps: TApiDeps, verified: TVerifiedLifecycleToken): Promise<void> {
  await lifecycleTokenQueries.releaseLifecycleToken(deps.db, verified.claims.workspaceId, verified.hash);
}
