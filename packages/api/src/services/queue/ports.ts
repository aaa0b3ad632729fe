import type { TInstallation } from '@uw/db';

import type { TRuntime } from '../../runtime';
import { clockifyFor } from '../installations/clockify-for';
import type { TSettingsValues } from '../settings/definitions';
import type { TClaimed } from './claim';

/** A step failure the engine can classify: retryable ones are rescheduled, others fail the execution. */
export class StepError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
    readonly details: { status?: number; body?: unknown; retryAfterMs?: number } = {},
  ) {
    super(message);
  }

  get retryAfterMs() {
    return this.details.retryAfterMs;
  }
}

type TErrLike = { message?: string; status?: number; body?: unknown; retryable?: boolean; retryAfterMs?: number; code?: string; kind?: string };

function toStepError(err: unknown, target: 'clockify' | 'http'): StepError {
  if (err instanceof StepError) return err;
  const e = (err ?? {}) as TErrLike;
  const status = e.status;
  const transientName = /unavailable|timeout|network|abort|fetch failed/i.test(`${(err as Error)?.name} ${e.message}`);
  const retryable = e.retryable ?? (e.kind === 'operational' || (status !== undefined ? status === 429 || status >= 500 : transientName));

  return new StepError(e.message ?? String(err), e.code ?? (status ? `${target.toUpperCase()}_${status}` : `${target.toUpperCase()}_ERROR`), Boolean(retryable), {
    status, body: e.body, retryAfterMs: e.retryAfterMs,
  });
}

/** The engine's I/O for one execution: Clockify calls as the installation, HTTP calls through the SSRF guard. */
export function createPorts(runtime: TRuntime, installation: TInstallation, settings: TSettingsValues, claimed: TClaimed) {
  const { deps } = runtime;
  const client = clockifyFor(deps, installation, { maxAttempts: 0 });

  return {
    clockify: {
      async execute(req: { operationId: string; path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown }) {
        const path = { workspaceId: installation.workspaceId, ...(req.path ?? {}) };
        try {
          const res = await client.execute(req.operationId, { path: path as Record<string, string>, query: req.query as Record<string, string>, body: req.body });
          deps.metrics.outboundCall('clockify', res.status);

          return { status: res.status, headers: res.headers, body: res.body };
        } catch (err) {
          deps.metrics.outboundCall('clockify', (err as TErrLike).status ?? 'error');
          throw toStepError(err, 'clockify');
        }
      },
    },
    http: {
      async send(req: { method: string; url: string; headers?: Record<string, string>; body?: unknown; idempotencyKey?: string; nodeId?: string }) {
        if (!settings.enable_generic_http_actions) {
          throw new StepError('HTTP actions are disabled for this workspace (setting enable_generic_http_actions)', 'FEATURE_DISABLED', false);
        }
        try {
          const res = await runtime.http.send({ ...req, idempotencyKey: req.idempotencyKey ?? `${claimed.id}:${req.nodeId ?? 'http'}` });
          deps.metrics.outboundCall('http', res.status);

          return { status: res.status, headers: res.headers, body: res.body };
        } catch (err) {
          deps.metrics.outboundCall('http', (err as TErrLike).status ?? 'error');
          throw toStepError(err, 'http');
        }
      },
    },
  };
}
