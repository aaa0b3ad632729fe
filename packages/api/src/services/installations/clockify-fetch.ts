import { fetch as undiciFetch, type RequestInit as UndiciRequestInit } from 'undici';

import { ClockifyValidationError, createNodeTransport, fetchTransport, type TTransport } from '@uw/clockify';

import { createAllowlist, createGuardedAgent, SsrfBlockedError, type TOutboundLogger } from '../../outbound';
import { createClockifyHostPolicy, type TClockifyHostPolicy } from './clockify-hosts';

export type TClockifyNet = { policy: TClockifyHostPolicy; transport: TTransport };

function blockedCause(err: unknown): SsrfBlockedError | null {
  for (let e = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof SsrfBlockedError) return e;
  }

  return null;
}

/**
 * The network side of every Clockify client, built once by the composition root (`TApiDeps.clockifyNet`):
 * Clockify's hosts and the `UW_CLOCKIFY_API_ALLOWLIST` entries are called directly (node:http/https with
 * keep-alive agents, or the injected fetch); any other host goes through the SSRF guard (undici fetch).
 */
export function createClockifyNet(opts: {
  /** UW_CLOCKIFY_API_ALLOWLIST entries. */
  allowlist: string[];
  /** Injected for tests; replaces the node:http transport to trusted hosts. */
  fetch?: typeof fetch;
  logger: TOutboundLogger;
}): TClockifyNet {
  const policy = createClockifyHostPolicy(opts.allowlist);
  const direct = opts.fetch ? fetchTransport(opts.fetch) : createNodeTransport();
  // The same guard HTTP actions dial through; nothing is allow-listed inside it (trusted hosts never get here).
  const agent = createGuardedAgent({ allowlist: createAllowlist([]), logger: opts.logger });
  const guarded = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    try {
      const res = await undiciFetch(url, { ...(init as UndiciRequestInit), dispatcher: agent });

      return res as unknown as Response;
    } catch (err) {
      const blocked = blockedCause(err);
      if (!blocked) throw err;
      throw new ClockifyValidationError(
        `refused to call ${url.host}: it is not a Clockify API host, not in UW_CLOCKIFY_API_ALLOWLIST, and resolves to ${blocked.address}, a non-public address (SSRF guard)`,
        [`host: ${url.host} is blocked`],
      );
    }
  };

  const viaGuard = fetchTransport(guarded as typeof fetch);

  return { policy, transport: (req) => (policy.trusts(new URL(req.url)) ? direct(req) : viaGuard(req)) };
}
