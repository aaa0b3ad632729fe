import { validateRequest, type TOperation } from '@uw/clockify';
import { installationQueries } from '@uw/db';
import { clockifyCurl } from '@uw/flow-engine';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';
import type { TCaller } from '../auth/caller';
import { assertAccess } from '../auth/scopes';
import { scrubSecrets } from '../security/scrub-secrets';
import { clockifyFor } from '../installations/clockify-for';
import { NO_CLOCKIFY_TOKEN } from '../installations/dev-installation';
import { applyBindings } from './bindings';
import { callClockify, scrubOutcome, type TCallOutcome } from './call-clockify';
import { requireOperation } from './catalogue-access';
import { destructiveReason, scopeToRun } from './destructive';
import { recordRun } from './explorer-history';
import type { TExecuteRequest, TExecuteResponse } from './explorer.types';
import { boundedBody } from './scrub';

/** Interactive calls retry less than flows: the admin is waiting. */
const EXPLORER_MAX_ATTEMPTS = 3;

type TPrepared = { path: Record<string, unknown>; query: Record<string, unknown>; body?: unknown };

/** Bindings applied, then every problem at once (unknown/missing/mistyped params, body); nothing is sent on a problem. */
function prepare(op: TOperation, caller: TCaller, input: TExecuteRequest): TPrepared {
  const bound = applyBindings(op, caller, input.path);
  const request: TPrepared = { path: bound.path, query: input.query, ...(input.body === undefined ? {} : { body: input.body }) };
  const problems = [...bound.problems, ...validateRequest(op, request)];
  if (problems.length > 0) {
    throw new UserError('VALIDATION_FAILED', `invalid call to ${op.operationId}: ${problems.join('; ')}`, { problems });
  }

  return request;
}

async function activeInstallation(deps: TApiDeps, workspaceId: string) {
  const installation = await installationQueries.findInstallation(deps.db, workspaceId);
  if (installation?.status === 'ACTIVE' && !installation.tokenCipher) throw new UserError('WORKSPACE_INACTIVE', NO_CLOCKIFY_TOKEN);
  if (!installation?.tokenCipher || installation.status !== 'ACTIVE') {
    throw new UserError('WORKSPACE_INACTIVE', 'the add-on is not active on this workspace, so Clockify refuses its calls');
  }

  return { installation, token: deps.cipher.decrypt(installation.tokenCipher, installation.workspaceId) };
}

/** The request as stored: the body bounded like responses are. */
function storedRequest(request: TPrepared): Record<string, unknown> {
  if (request.body === undefined) {
    return { path: request.path, query: request.query };
  }
  const bounded = boundedBody(request.body);

  return 'body' in bounded
    ? { ...request }
    : { path: request.path, query: request.query, bodyPreview: bounded.preview, bodyTruncated: true };
}

async function record(
  deps: TApiDeps,
  caller: TCaller,
  run: { op: TOperation; request: TPrepared; outcome: TCallOutcome; response: unknown },
) {
  const { op, request, outcome } = run;
  try {
    return await recordRun(deps, caller, {
      operationId: op.operationId,
      method: op.method,
      url: outcome.url,
      request: storedRequest(request),
      status: outcome.status,
      latencyMs: outcome.latencyMs,
      response: run.response,
    });
  } catch (err) {
    deps.logger.warn({ workspaceId: caller.workspaceId, operationId: op.operationId, err }, 'explorer history not saved');

    return null;
  }
}

/** Runs one Clockify operation for an admin with the installation's token, and keeps it in their history. */
export async function executeOperation(deps: TApiDeps, caller: TCaller, input: TExecuteRequest): Promise<TExecuteResponse> {
  const op = requireOperation(deps, input.operationId);
  assertAccess(caller, scopeToRun(op));
  const request = prepare(op, caller, input);
  const reason = destructiveReason(op);
  if (reason && input.confirm !== true) {
    throw new UserError('PRECONDITION_REQUIRED', `${reason}: send confirm: true to run it`, { reason });
  }
  const { installation, token } = await activeInstallation(deps, caller.workspaceId);
  const shown = scrubSecrets(request, token);
  const client = clockifyFor(deps, installation, { maxAttempts: EXPLORER_MAX_ATTEMPTS });
  const outcome = scrubOutcome(await callClockify(client, op.operationId, request), token);
  const logged = { workspaceId: caller.workspaceId, operationId: op.operationId, status: outcome.status, latencyMs: outcome.latencyMs };
  if (!outcome.ok) {
    await record(deps, caller, { op, request: shown, outcome, response: { error: outcome.error.message } });
    deps.logger.warn({ ...logged, code: outcome.error.code }, 'explorer call failed');
    throw outcome.error;
  }
  const historyId = await record(deps, caller, { op, request: shown, outcome, response: boundedBody(outcome.body) });
  deps.logger.info(logged, 'explorer call');

  return {
    historyId,
    operationId: op.operationId,
    method: op.method,
    status: outcome.status,
    latencyMs: outcome.latencyMs,
    attempts: outcome.attempts,
    headers: outcome.headers,
    body: outcome.body,
    url: outcome.url,
    curl: clockifyCurl({ method: op.method, url: outcome.url, body: shown.body }),
  };
}
