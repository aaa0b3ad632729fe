/**
 * Output shapes the UI assumes for procedures the server does not declare yet (called through
 * ../trpc/pending.ts). Each mirrors a service that exists in packages/api where there is one.
 * Delete a type here when its procedure lands and the typed `trpc.*` call replaces the pending one.
 */

/** executions.list / flows.executions items: packages/api services/executions/timeline.ts toExecutionView(). */
export type TExecutionSummary = {
  id: string;
  flowId: string;
  flowVersionId: string;
  logId: string | null;
  status: string;
  attempts: number;
  runAfter: number;
  error: unknown;
  retryOf: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** Nice to have: the flow's name, so lists need no second query. */
  flowName?: string;
};

export type TPage<T> = { items: T[]; nextCursor: string | null };

/** executions.get: timeline.ts getExecution(). */
export type TExecutionStep = {
  id: string;
  seq: number;
  nodeId: string | null;
  kind: string;
  status: string;
  attempt: number;
  request: unknown;
  response: unknown;
  error: unknown;
  idempotencyKey: string | null;
  latencyMs: number | null;
  createdAt: number;
};
export type TExecutionDetail = TExecutionSummary & {
  version: number | null;
  webhook: { id: string; eventType: string; source: string; receivedAt: number } | null;
  steps: TExecutionStep[];
};

/** executions.retry input/output: services/executions/retry-execution.ts. */
export type TRetryInput = { id: string; from: 'failed_step' | 'start'; version: 'same' | 'current' };
export type TRetryResult = { id: string; retryOf: string; flowVersionId: string; reusedSteps: boolean };

/** dashboard.get */
export type TDashboard = {
  executions: { outcomes: Record<string, number>; recentFailures: TExecutionSummary[] };
};

/** bootstrap.status, bootstrap.trigger (returns the new status) and each bootstrap.progress event. */
export type TBootstrapStatus = {
  status: 'idle' | 'queued' | 'running' | 'completed' | 'failed' | 'paused';
  done: number;
  total: number | null;
  current: string | null;
  startedAt: number | null;
  finishedAt: number | null;
  error: string | null;
};

/** cache.counts */
export type TCacheCount = { entity: string; count: number; updatedAt: number | null };
/** cache.search({ q, entity?, limit }) */
export type TCacheHit = { entity: string; id: string; name: string | null; data: unknown };

/** meta.eventTypes: @uw/clockify EVENT_TYPES. */
export type TEventTypeInfo = { name: string; entity: string; description: string; inManifest: boolean };

/** explorer.endpoints: the catalogue without schemas (null operations when the document is not synced). */
export type TOperationSummary = {
  operationId: string;
  method: string;
  path: string;
  tag: string;
  summary: string;
  deprecated: boolean;
  host: 'api' | 'reports';
};
export type TEndpoints = { operations: TOperationSummary[]; tags: { name: string; count: number }[]; message?: string | null };

/** explorer.operation({ operationId }): @uw/clockify Operation with $refs resolved. */
export type TOperationParameter = { name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: unknown; description?: string };
export type TOperation = TOperationSummary & {
  description: string;
  parameters: TOperationParameter[];
  requestBody?: { required: boolean; schema: unknown; example?: unknown };
  responses: Record<string, { description: string; schema?: unknown }>;
};

/** explorer.execute({ operationId, path, query, body }): @uw/clockify ClockifyResponse. */
export type TExecuteInput = { operationId: string; path: Record<string, string>; query: Record<string, unknown>; body?: unknown };
export type TClockifyResponse = {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  latencyMs: number;
  attempts: number;
  url: string;
  method: string;
};

/** explorer.history({ operationId?, limit }) */
export type THistoryItem = {
  id: string;
  operationId: string;
  method: string;
  url: string;
  status: number | null;
  latencyMs: number | null;
  createdAt: number;
  request?: { path?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
  error?: string | null;
};

/** flows.templates */
export type TFlowTemplate = { id: string; name: string; description: string; definition: unknown };

/** flows.test({ definition, logId }) — a dry run: nothing is sent. */
export type TTestStep = {
  nodeId: string;
  kind: string;
  status: string;
  output?: unknown;
  request?: { method: string; url: string; headers?: Record<string, string>; body?: unknown } | null;
  error?: string | { message: string } | null;
};
export type TTestRun = { outcome: string; steps: TTestStep[]; error?: string | null };
