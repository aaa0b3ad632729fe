import type { TInstallation } from '@uw/db';
import type { TClockifyRequest, TFlowPorts, THttpRequest, TStepMeta } from '@uw/flow-engine';

import { maskValues } from '../../outbound';
import type { TRuntime } from '../../runtime';
import { resolveSecrets, type TSecretScope } from '../secrets/resolve-secrets';
import type { TSettingsValues } from '../settings/definitions';
import type { TClaimed } from './claim';
import { StepError } from './step-error';

type TErrLike = {
  message?: string;
  status?: number;
  body?: unknown;
  retryable?: boolean;
  retryAfterMs?: number;
  code?: string;
  kind?: string;
};

function toStepError(err: unknown, target: 'clockify' | 'http'): StepError {
  if (err instanceof StepError) return err;
  const e = (err ?? {}) as TErrLike;
  const status = e.status;
  const transientName = /unavailable|timeout|network|abort|fetch failed/i.test(`${(err as Error)?.name} ${e.message}`);
  const retryable = e.retryable ?? (e.kind === 'operational' || (status !== undefined ? status === 429 || status >= 500 : transientName));

  return new StepError(
    e.message ?? String(err),
    e.code ?? (status ? `${target.toUpperCase()}_${status}` : `${target.toUpperCase()}_ERROR`),
    { retryable: Boolean(retryable), details: { status, body: e.body, retryAfterMs: e.retryAfterMs } },
  );
}

/** A step error with the secrets just sent masked in its message and body (a URL quoted, a body echoed). */
function maskedStepError(err: StepError, values: readonly string[]): StepError {
  if (values.length === 0) return err;

  return new StepError(maskValues(err.message, values), err.code, { retryable: err.retryable, details: maskValues(err.details, values) });
}

/**
 * The engine's I/O for one execution: Clockify calls as the installation, HTTP calls through the SSRF guard.
 * `$secret` placeholders are swapped for the values just before each call (`resolveSecrets`), and the values
 * are masked in what comes back (answer or error), so the journal, timeline and logs never hold one.
 */
export function createPorts(
  runtime: TRuntime,
  run: { installation: TInstallation; settings: TSettingsValues; claimed: TClaimed },
): TFlowPorts {
  const { installation, settings, claimed } = run;
  const { deps } = runtime;
  const scope: TSecretScope = {
    workspaceId: installation.workspaceId,
    marker: runtime.secretMarker,
    definition: () => runtime.executionCaches.definition(claimed.workspace_id, claimed.flow_version_id),
  };
  // Built on first use: a flow with only HTTP actions needs no Clockify token.
  const clockify = () => runtime.executionCaches.clockify(installation);

  return {
    clockify: {
      async execute(placeholders: TClockifyRequest, meta: TStepMeta) {
        const { request: req, values } = await resolveSecrets(deps, scope, { request: placeholders, nodeId: meta.nodeId });
        if (req.path.workspaceId && req.path.workspaceId !== installation.workspaceId) {
          throw new StepError('a flow may only call its own workspace', 'WORKSPACE_MISMATCH', { retryable: false });
        }
        // The engine always offers workspaceId; send it only to operations that take it.
        const takesWorkspace = runtime.deps.catalogue
          .get()
          ?.get(req.operationId)
          ?.parameters.some((p) => p.in === 'path' && p.name === 'workspaceId');
        const { workspaceId: _offered, ...rest } = req.path;
        const path = takesWorkspace ? { ...rest, workspaceId: installation.workspaceId } : rest;
        try {
          const res = await clockify().execute(req.operationId, { path, query: req.query, body: req.body });
          deps.metrics.outboundCall('clockify', res.status);

          return maskValues({ status: res.status, headers: res.headers, body: res.body }, values);
        } catch (err) {
          deps.metrics.outboundCall('clockify', (err as TErrLike).status ?? 'error');
          throw maskedStepError(toStepError(err, 'clockify'), values);
        }
      },
    },
    http: {
      async send(placeholders: THttpRequest, meta: TStepMeta) {
        if (!settings.enable_generic_http_actions) {
          throw new StepError('HTTP actions are disabled for this workspace (setting enable_generic_http_actions)', 'FEATURE_DISABLED', {
            retryable: false,
          });
        }
        const { request: req, values } = await resolveSecrets(deps, scope, { request: placeholders, nodeId: meta.nodeId });
        try {
          // The engine put `Idempotency-Key: <execution>:<step key>` in the headers (one per step and loop
          // item, the same on every retry) unless the flow set its own; fall back for requests without one.
          const hasKey = Object.keys(req.headers).some((name) => name.toLowerCase() === 'idempotency-key');
          const res = await runtime.http.send({
            ...req,
            redact: values,
            ...(hasKey ? {} : { idempotencyKey: meta.idempotencyKey ?? `${claimed.id}:${meta.nodeId}` }),
          });
          deps.metrics.outboundCall('http', res.status);

          return maskValues({ status: res.status, headers: res.headers, body: res.body }, values);
        } catch (err) {
          deps.metrics.outboundCall('http', (err as TErrLike).status ?? 'error');
          throw maskedStepError(toStepError(err, 'http'), values);
        }
      },
    },
  };
}
