import { BrokenCircuitError, IsolatedCircuitError } from 'cockatiel';

import { baseUrlFor, checkRawPath, operationUrl, queryString } from './build-request';
import type { TCallOptions, TClockifyClient, TClockifyClientOptions, TClockifyResponse, TExecuteInput, TRawRequest } from './client-types';
import { ClockifyCircuitOpenError, ClockifyValidationError } from './errors';
import { paginate } from './paginate';
import { createRetryPolicy, defaultBreakers } from './retry';
import { sharedNodeTransport } from './node-transport';
import { sendAttempt } from './send-attempt';
import { fetchTransport } from './transport';
import { validateRequest } from './validate';

export type * from './client-types';

/** Clockify's documented limit per add-on and workspace. */
export const CLOCKIFY_MAX_RPS = 50;

/**
 * A Clockify client for one installation. Every attempt waits for the workspace's rate limiter, runs
 * through its circuit breaker, times out on its own, and never follows redirects. Transient failures
 * (network, timeout, 5xx, 429) are retried with jittered exponential backoff that honours Retry-After.
 */
export function createClockifyClient(opts: TClockifyClientOptions): TClockifyClient {
  const transport = opts.transport ?? (opts.fetch ? fetchTransport(opts.fetch) : sharedNodeTransport());
  const rps = () => {
    const asked = typeof opts.maxRps === 'function' ? opts.maxRps() : opts.maxRps;

    return Math.min(asked && asked > 0 ? asked : CLOCKIFY_MAX_RPS, CLOCKIFY_MAX_RPS);
  };
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 60_000;
  const retryOptions = {
    maxAttempts: opts.maxAttempts ?? 4,
    initialDelayMs: opts.retryInitialDelayMs ?? 250,
    maxDelayMs: opts.retryMaxDelayMs ?? 10_000,
  };
  const breaker = (opts.breakers ?? defaultBreakers).get(opts.workspaceKey);
  const log = opts.logger;

  /** One call with retries and the breaker; `label` names it in logs. */
  async function send(
    req: { method: string; url: string; body: unknown; label: string },
    call: TCallOptions = {},
  ): Promise<TClockifyResponse> {
    const { method, url, label } = req;
    const body = req.body === undefined || req.body === null ? undefined : JSON.stringify(req.body);
    const started = performance.now();
    let attempts = 0;
    const attempt = async () => {
      attempts++;
      const n = attempts;
      try {
        return await breaker.execute(async () => {
          const waited = await opts.rateLimiter.acquire(opts.workspaceKey, rps());
          if (waited > 0)
            log?.debug?.({ workspaceKey: opts.workspaceKey, call: label, waitedMs: waited }, 'Clockify call waited for the rate limit');

          return sendAttempt({ method, url, body, token: opts.token, transport, timeoutMs, maxRetryAfterMs, signal: call.signal }, n);
        });
      } catch (err) {
        if (err instanceof BrokenCircuitError || err instanceof IsolatedCircuitError) {
          throw new ClockifyCircuitOpenError(
            `Clockify calls for workspace ${opts.workspaceKey} are paused after repeated failures (circuit open); try again later`,
            { method, url, attempts: n },
          );
        }
        throw err;
      }
    };
    const retryPolicy = createRetryPolicy(retryOptions);
    retryPolicy.onRetry((event) => {
      const err = 'error' in event ? (event.error as Error) : undefined;
      log?.warn?.(
        { workspaceKey: opts.workspaceKey, call: label, attempt: event.attempt, delayMs: event.delay, err: err?.message },
        'retrying Clockify call',
      );
    });
    const result = await retryPolicy.execute(attempt, call.signal);

    return { ...result, attempts, latencyMs: Math.round(performance.now() - started) };
  }

  const execute = async (operationId: string, input: TExecuteInput = {}, call: TCallOptions = {}) => {
    if (!opts.catalogue) {
      throw new ClockifyValidationError('the Clockify API catalogue is not loaded; run `npm run openapi:sync`', [], operationId);
    }
    const op = opts.catalogue.get(operationId);
    if (!op) throw new ClockifyValidationError(`unknown Clockify operation "${operationId}"`, [], operationId);
    const issues = validateRequest(op, input);
    if (issues.length > 0) {
      throw new ClockifyValidationError(`invalid call to ${operationId}: ${issues.join('; ')}`, issues, operationId);
    }
    const url = operationUrl(op, input, { apiUrl: opts.apiUrl, reportsUrl: opts.reportsUrl });

    return send({ method: op.method, url, body: input.body, label: operationId }, call);
  };

  return {
    execute,
    paginate: (operationId, input = {}, pageOpts = {}) =>
      paginate({ execute, op: opts.catalogue?.get(operationId), operationId }, input, pageOpts),
    async request(req: TRawRequest, call: TCallOptions = {}) {
      checkRawPath(req.path);
      const base = baseUrlFor(req.host ?? 'api', { apiUrl: opts.apiUrl, reportsUrl: opts.reportsUrl });

      const url = `${base}${req.path}${queryString(req.query)}`;

      return send({ method: req.method, url, body: req.body, label: `${req.method} ${req.path}` }, call);
    },
  };
}
