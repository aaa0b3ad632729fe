import {
  circuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
  type CircuitBreakerPolicy,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
  type RetryPolicy,
} from 'cockatiel';

import { ClockifyCircuitOpenError, ClockifyRateLimitedError, ClockifyUnavailableError, isRetryableError } from './errors';

type TCtx = IRetryBackoffContext<unknown>;

export type TRetryPolicyOptions = {
  /** Total attempts including the first; values below 1 mean 1 (cockatiel counts retries, we count attempts). */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
};

const retryAfterOf = (ctx: TCtx): number => {
  const err = 'error' in ctx.result ? ctx.result.error : undefined;

  return err instanceof ClockifyRateLimitedError ? (err.retryAfterMs ?? 0) : 0;
};

/** Exponential backoff with decorrelated jitter, never shorter than the `Retry-After` of the failure. */
function retryAfterAwareBackoff(initialDelay: number, maxDelay: number): IBackoffFactory<TCtx> {
  const wrap = (base: IBackoff<unknown>, ctx: TCtx): IBackoff<TCtx> => ({
    duration: Math.max(base.duration, retryAfterOf(ctx)),
    next: (nextCtx) => wrap(base.next(nextCtx), nextCtx),
  });
  const factory = new ExponentialBackoff({ initialDelay, maxDelay });

  return { next: (ctx) => wrap(factory.next(), ctx) };
}

/** Retries only transient failures (network, timeout, 5xx, 429 within the cap); never an open circuit or a 4xx. */
export function createRetryPolicy(opts: TRetryPolicyOptions): RetryPolicy {
  return retry(
    handleWhen((err) => isRetryableError(err)),
    { maxAttempts: Math.max(0, Math.floor(opts.maxAttempts) - 1), backoff: retryAfterAwareBackoff(opts.initialDelayMs, opts.maxDelayMs) },
  );
}

export type TBreakerRegistry = { get(key: string): CircuitBreakerPolicy };

export type TBreakerOptions = {
  /** Consecutive transient failures (5xx, network, timeout) that open the circuit. Default 5. */
  threshold?: number;
  /** How long the circuit stays open before one trial call. Default 30 s. */
  halfOpenAfterMs?: number;
};

/** One circuit breaker per key (workspace). 429s and 4xx answers do not count as failures. */
export function createBreakerRegistry(opts: TBreakerOptions = {}): TBreakerRegistry {
  const breakers = new Map<string, CircuitBreakerPolicy>();
  const countsAsFailure = (err: Error) =>
    err instanceof ClockifyUnavailableError && !(err instanceof ClockifyRateLimitedError) && !(err instanceof ClockifyCircuitOpenError);

  return {
    get(key) {
      let breaker = breakers.get(key);
      if (!breaker) {
        breaker = circuitBreaker(handleWhen(countsAsFailure), {
          halfOpenAfter: opts.halfOpenAfterMs ?? 30_000,
          breaker: new ConsecutiveBreaker(opts.threshold ?? 5),
        });
        breakers.set(key, breaker);
      }

      return breaker;
    },
  };
}

/** The process-wide registry used when a client is not given one. */
export const defaultBreakers: TBreakerRegistry = createBreakerRegistry();
