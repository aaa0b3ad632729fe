/**
 * Output shapes the UI assumes for procedures the server does not declare yet (called through
 * ../trpc/pending.ts). Each mirrors a service that exists in packages/api where there is one.
 * Delete a type here when its procedure lands and the typed `trpc.*` call replaces the pending one.
 */
import type { TExecutionSummary } from '../trpc/types';

/** dashboard.get: execution counts by status (last 24 h) and the latest failed executions with their flow's name. */
export type TDashboard = {
  executions: { outcomes: Record<string, number>; recentFailures: (TExecutionSummary & { flowName?: string })[] };
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
