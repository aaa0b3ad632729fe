/**
 * The SSRF-guarded sender behind generic HTTP actions (RELIABILITY §2): http/https only, every hop
 * dialled through the guarded agent, redirects followed by hand with header stripping, a total
 * timeout over headers and body, and a capped, streamed response body. Never uses env proxies.
 */
import type { Dispatcher } from 'undici';

import { buildFirstHop, nextHop, redirectLocation, type THop, type THttpSendRequest } from './build-request';
import { statusError, toOutboundError } from './classify-error';
import { createGuardedAgent } from './guarded-agent';
import { createAllowlist } from './ip-policy';
import { OutboundError } from './outbound-errors';
import { maskValues } from './mask-values';
import { decodeBody, flattenHeaders, readCapped } from './read-body';
import { NOOP_LOGGER, type TOutboundLogger, type TResolver } from './types';
import { describeUrl } from './url-policy';

export type THttpSenderOptions = {
  /** Host names, `*.suffix`, IPs or CIDRs that may be dialled even when private (admin opt-in). */
  allowlist?: readonly string[];
  /** Total budget for one `send`, redirects, headers and body included. */
  timeoutMs?: number;
  maxResponseBytes?: number;
  maxRedirects?: number;
  resolver?: TResolver;
  logger?: TOutboundLogger;
  userAgent?: string;
};

export type THttpSendResponse = {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the content type is JSON, else text. */
  body: unknown;
  /** True when the body was cut at `maxResponseBytes`. */
  truncated: boolean;
  latencyMs: number;
  /** The final URL, after redirects. */
  url: string;
};

export type THttpSender = {
  /** Resolves on 2xx; throws `OutboundError` otherwise (see its `code` and `retryable`). */
  send(request: THttpSendRequest): Promise<THttpSendResponse>;
  close(): Promise<void>;
};

export function createHttpSender(options: THttpSenderOptions = {}): THttpSender {
  const { timeoutMs = 10_000, maxResponseBytes = 1_000_000, maxRedirects = 5 } = options;
  const logger = options.logger ?? NOOP_LOGGER;
  const userAgent = options.userAgent ?? 'universal-webhook-addon';
  const agent = createGuardedAgent({
    allowlist: createAllowlist(options.allowlist ?? []),
    resolver: options.resolver,
    logger,
    connectTimeoutMs: timeoutMs,
    headersTimeoutMs: timeoutMs,
    bodyTimeoutMs: timeoutMs,
  });

  async function follow(first: THop, signal: AbortSignal, redact: readonly string[]) {
    let hop = first;
    for (let redirects = 0; ; redirects += 1) {
      const res = await agent.request({
        origin: hop.url.origin,
        path: `${hop.url.pathname}${hop.url.search}`,
        method: hop.method as Dispatcher.HttpMethod,
        headers: hop.headers,
        body: hop.body,
        signal,
      });
      logger.debug({ method: hop.method, url: maskValues(describeUrl(hop.url), redact), status: res.statusCode }, 'outbound http');
      const location = redirectLocation(res.statusCode, res.headers.location);
      if (location === undefined) {
        return { hop, res };
      }
      await res.body.dump({ limit: 64 * 1024 });
      if (redirects >= maxRedirects) {
        throw new OutboundError('TOO_MANY_REDIRECTS', `More than ${maxRedirects} redirects from ${describeUrl(first.url)}`);
      }
      hop = nextHop(hop, res.statusCode, location);
    }
  }

  async function send(request: THttpSendRequest): Promise<THttpSendResponse> {
    const started = performance.now();
    const first = buildFirstHop(request, userAgent);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const { hop, res } = await follow(first, controller.signal, request.redact ?? []);
      const { bytes, truncated } = await readCapped(res.body, maxResponseBytes);
      const headers = flattenHeaders(res.headers);
      const response: THttpSendResponse = {
        status: res.statusCode,
        headers,
        body: decodeBody(bytes, headers['content-type'], truncated),
        truncated,
        latencyMs: Math.round(performance.now() - started),
        url: hop.url.toString(),
      };
      if (response.status < 200 || response.status >= 300) {
        throw statusError(response, hop.url);
      }

      return response;
    } catch (err) {
      throw toOutboundError(err, controller.signal.aborted, timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }

  return { send, close: () => agent.close() };
}
