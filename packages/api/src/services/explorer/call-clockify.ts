import {
  ClockifyApiError,
  ClockifyError,
  ClockifyRedirectError,
  ClockifyUnavailableError,
  type TClockifyClient,
  type TExecuteInput,
} from '@uw/clockify';

import { AppError, ensureAppError } from '../../errors';
import { scrubSecrets } from '../security/scrub-secrets';

type TAnswer = { status: number; headers: Record<string, string>; body: unknown; url: string; latencyMs: number; attempts: number };
export type TCallOutcome =
  ({ ok: true } & TAnswer) | { ok: false; status: number; url: string; latencyMs: number; attempts: number; error: AppError };

/** A Clockify failure other than an answer (those are shown as answers), mapped through the one error table. */
function failure(err: unknown, operationId: string): AppError | null {
  if (!(err instanceof ClockifyError)) return null;
  const app = ensureAppError(err);

  return new AppError(app.code, `${operationId}: ${app.message}`, { kind: app.kind, details: app.details, cause: err });
}

/**
 * Runs one operation. 2xx and 4xx (Clockify's answer about the request) are outcomes to show; transient
 * failures that outlived the client's retries, redirects and open circuits are errors with a clear message.
 */
export async function callClockify(client: TClockifyClient, operationId: string, input: TExecuteInput): Promise<TCallOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await client.execute(operationId, input);

    return {
      ok: true,
      status: res.status,
      headers: res.headers,
      body: res.body,
      url: res.url,
      latencyMs: res.latencyMs,
      attempts: res.attempts,
    };
  } catch (err) {
    if (err instanceof ClockifyApiError) {
      return {
        ok: true,
        status: err.status,
        headers: {},
        body: err.body,
        url: err.request.url,
        latencyMs: elapsed(),
        attempts: err.request.attempts,
      };
    }
    const error = failure(err, operationId);
    if (!error) {
      throw err;
    }
    const request = err instanceof ClockifyUnavailableError || err instanceof ClockifyRedirectError ? err.request : null;
    const status = err instanceof ClockifyUnavailableError || err instanceof ClockifyRedirectError ? (err.status ?? 0) : 0;

    return { ok: false, status, url: request?.url ?? '', latencyMs: elapsed(), attempts: request?.attempts ?? 0, error };
  }
}

/** The outcome with the installation token masked everywhere (URL, headers, body, error message); no cookies. */
export function scrubOutcome(outcome: TCallOutcome, token: string): TCallOutcome {
  const url = scrubSecrets(outcome.url, token);
  if (!outcome.ok) {
    const { kind, code, message, details } = outcome.error;

    return { ...outcome, url, error: new AppError(code, scrubSecrets(message, token), { kind, details }) };
  }
  const { 'set-cookie': _cookie, ...headers } = outcome.headers;

  return { ...outcome, url, headers: scrubSecrets(headers, token), body: scrubSecrets(outcome.body, token) };
}
