import type { TApiDeps } from '../../deps';
import type { AppError } from '../../errors';
import type { TIngestResponse } from './types';

type TRefusal = { source: 'clockify' | 'custom'; startedAt: number; headers?: Record<string, string> };

/**
 * The answer to a webhook refused before any workspace was verified (no or a forged signature, an unknown
 * source, a throttled source): counted by reason, never stored, and marked `unverified` so the HTTP layer
 * can sample its log line and charge the client's refusal budget.
 */
export function refuseUnverified(deps: Pick<TApiDeps, 'metrics'>, err: AppError, refusal: TRefusal): TIngestResponse {
  const outcome = err.code === 'RATE_LIMITED' ? 'rate_limited' : 'rejected';
  deps.metrics.webhookReceived(refusal.source, outcome, (Date.now() - refusal.startedAt) / 1000);
  deps.metrics.webhookRefused(refusal.source, err.code);

  return {
    status: err.status,
    headers: refusal.headers,
    unverified: true,
    body: { outcome: 'rejected', error: { code: err.code, message: err.message } },
  };
}
