import { logQueries } from '@uw/db';
import { BUDGET_DEFAULTS, findTrigger, isActionNode, restoreMaskedHeaders, type TFlowDefinition, type TFlowOutcome } from '@uw/flow-engine';

import { UserError } from '../../errors';
import type { TRuntime } from '../../runtime';
import { showBacktestRequest, type TBacktestRequest } from './backtest-requests';
import { dryRunTrigger, type TDryRunTrigger } from './dry-run';
import { currentDefinition, type TScope } from './flow-store';
import { assertValidDefinition } from './validate-definition';

export const BACKTEST_LIMIT_DEFAULT = 100;
export const BACKTEST_LIMIT_MAX = 500;
export const BACKTEST_REQUESTS_SHOWN = 20;
export const BACKTEST_TIME_BUDGET_MS = 10_000;

export type TBacktestInput = { id?: string; version?: number; definition?: TFlowDefinition; limit?: number };

export type TBacktestError = {
  webhookId: string;
  receivedAt: number;
  eventType: string;
  nodeId: string | null;
  code: string;
  message: string;
  field: string | null;
};

export type TBacktestResult = {
  /** What the trigger listens to; `null` for triggers that have no logged events (schedule, manual, internal). */
  trigger: { source: string; eventTypes: string[]; sourceId: string | null } | null;
  limit: number;
  /** Logged events found (at most `limit`) and how many of them were evaluated before the time budget ran out. */
  events: number;
  evaluated: number;
  /** Every condition on the way was true. */
  passed: number;
  /** At least one request would have been sent. */
  acted: number;
  requestCount: number;
  requests: TBacktestRequest[];
  errors: TBacktestError[];
  /** The time budget ran out before every event was evaluated: the counts cover `evaluated` events. */
  partial: boolean;
  durationMs: number;
};

type TLogTrigger = logQueries.TLogTrigger;

const parse = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

function triggerOf(log: TLogTrigger): TDryRunTrigger {
  const receivedAt = Number(log.received_at);

  return {
    event: { type: String(log.event_type), source: String(log.source), receivedAt: new Date(receivedAt).toISOString(), id: String(log.id) },
    payload: parse(log.payload ?? null),
    headers: (parse(log.headers ?? '{}') ?? {}) as Record<string, string>,
  };
}

async function definitionOf(runtime: TRuntime, scope: TScope, input: TBacktestInput): Promise<TFlowDefinition> {
  const stored = input.id ? await currentDefinition(runtime.deps, scope, { flowId: input.id, version: input.version }) : null;
  // An edited document comes back masked: its headers take the saved flow's values when there is one.
  const definition = input.definition ? restoreMaskedHeaders(input.definition, stored).definition : stored;
  if (!definition) throw new UserError('VALIDATION_FAILED', 'send the id of a saved flow or a definition');
  assertValidDefinition(runtime.deps, definition);

  return definition;
}

function failureOf(log: TLogTrigger, outcome: TFlowOutcome): TBacktestError | null {
  if (outcome.status !== 'failed' && outcome.status !== 'retry') return null;

  return {
    webhookId: String(log.id),
    receivedAt: Number(log.received_at),
    eventType: String(log.event_type),
    nodeId: outcome.nodeId ?? null,
    code: outcome.error.code,
    message: outcome.error.message,
    field: outcome.error.field ?? null,
  };
}

/**
 * Dry-runs a flow (a saved version or an unsaved definition) over the workspace's last `limit` logged events
 * of its trigger, newest first: conditions and mappings evaluate in the sandbox under the usual budgets,
 * nothing is sent. Stops after `timeBudgetMs` with a partial result.
 */
export async function backtestFlow(
  runtime: TRuntime,
  scope: TScope,
  input: TBacktestInput & { timeBudgetMs?: number; now?: () => number },
): Promise<TBacktestResult> {
  const now = input.now ?? Date.now;
  const started = now();
  const budgetMs = input.timeBudgetMs ?? BACKTEST_TIME_BUDGET_MS;
  const limit = Math.min(Math.max(1, input.limit ?? BACKTEST_LIMIT_DEFAULT), BACKTEST_LIMIT_MAX);
  const definition = await definitionOf(runtime, scope, input);
  const data = findTrigger(definition)?.data;
  const filter =
    data?.source === 'clockify'
      ? ({ source: 'clockify', eventTypes: data.events } as const)
      : data?.source === 'custom'
        ? ({ source: 'custom', sourceId: data.sourceId } as const)
        : null;
  const result: TBacktestResult = {
    trigger: filter && {
      source: filter.source,
      eventTypes: data?.source === 'clockify' ? data.events : [],
      sourceId: data?.source === 'custom' ? data.sourceId : null,
    },
    limit,
    events: 0,
    evaluated: 0,
    passed: 0,
    acted: 0,
    requestCount: 0,
    requests: [],
    errors: [],
    partial: false,
    durationMs: 0,
  };
  const logs = filter ? await logQueries.listTriggerLogs(runtime.deps.db, scope.workspaceId, { ...filter, limit }) : [];
  result.events = logs.length;
  const catalogue = runtime.deps.catalogue.get();
  for (const log of logs) {
    if (now() - started > budgetMs) {
      result.partial = true;
      break;
    }
    // One event never runs past what is left of the whole budget (it then fails with BUDGET_TIME).
    const left = Math.max(1, budgetMs - (now() - started));
    const { outcome } = await dryRunTrigger(runtime, {
      workspaceId: scope.workspaceId,
      definition,
      trigger: triggerOf(log),
      budgets: { maxRunMs: Math.min(BUDGET_DEFAULTS.maxRunMs, left) },
    });
    result.evaluated += 1;
    const failure = failureOf(log, outcome);
    // An event passes when every condition on its way was true; one whose action then failed still passed them.
    const failedAt = failure && definition.nodes.find((n) => n.id === failure.nodeId);
    if (!outcome.trace.some((t) => t.state === 'blocked') && (!failedAt || isActionNode(failedAt))) result.passed += 1;
    if (failure) {
      result.errors.push(failure);
      continue;
    }
    const requests = (outcome as { dryRunRequests?: Parameters<typeof showBacktestRequest>[1][] }).dryRunRequests ?? [];
    if (requests.length > 0) result.acted += 1;
    result.requestCount += requests.length;
    for (const request of requests) {
      if (result.requests.length < BACKTEST_REQUESTS_SHOWN) result.requests.push(showBacktestRequest(String(log.id), request, catalogue));
    }
  }
  result.durationMs = now() - started;

  return result;
}
