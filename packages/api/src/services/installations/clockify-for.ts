import { createClockifyClient, type TClockifyClient } from '@uw/clockify';
import type { TInstallation } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';
import { NO_CLOCKIFY_TOKEN } from './dev-installation';

/**
 * A Clockify client acting for one installation: its token, its API hosts, its workspace's rate limit.
 * Every Clockify call of the product is made by a client from here, so all of them share one network
 * policy: Clockify's hosts and allow-listed ones directly, anything else through the SSRF guard.
 */
export function clockifyFor(deps: TApiDeps, installation: TInstallation, opts: { maxAttempts?: number } = {}): TClockifyClient {
  if (!installation.tokenCipher) {
    throw new UserError(
      'WORKSPACE_INACTIVE',
      installation.status === 'ACTIVE' ? NO_CLOCKIFY_TOKEN : 'the add-on is not installed on this workspace',
    );
  }
  return createClockifyClient({
    catalogue: deps.catalogue.get(),
    apiUrl: installation.apiUrl,
    reportsUrl: installation.reportsUrl,
    token: deps.cipher.decrypt(installation.tokenCipher, installation.workspaceId),
    workspaceKey: installation.workspaceId,
    maxRps: deps.liveLimits.maxRps(installation),
    rateLimiter: deps.rateLimiter,
    transport: deps.clockifyNet.transport,
    logger: deps.logger,
    ...(opts.maxAttempts === undefined ? {} : { maxAttempts: opts.maxAttempts }),
  });
}
