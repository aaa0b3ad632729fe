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

/** meta.eventTypes: @uw/clockify EVENT_TYPES. */
export type TEventTypeInfo = { name: string; entity: string; description: string; inManifest: boolean };

/**
 * explorer.* — mirrors packages/api/src/services/explorer/explorer.types.ts (the router is not mounted yet).
 * explorer.endpoints({ tag?, method?, search? }) → TEndpoints; the page asks once without filters and filters locally.
 */
export type TEndpointSummary = {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  deprecated: boolean;
  host: 'api' | 'reports';
  destructive: boolean;
};
export type TEndpoints = {
  available: boolean;
  reason?: string;
  total: number;
  tags: { name: string; count: number; operations: TEndpointSummary[] }[];
};
/** A summary with its tag (the UI's flat list). */
export type TOperationSummary = TEndpointSummary & { tag: string };

/** explorer.operation({ operationId }) */
export type TOperationParameter = {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description: string;
  schema: Record<string, unknown>;
  example: unknown;
  boundTo: 'workspace' | 'user' | null;
};
export type TBinding = { name: string; in: 'path'; source: 'workspace' | 'user'; value: string | null; overridable: boolean };
export type TOperation = TEndpointSummary & {
  tag: string;
  description: string;
  destructiveReason: string | null;
  parameters: TOperationParameter[];
  requestBody: { required: boolean; contentType: string; schema: Record<string, unknown> } | null;
  exampleBody: unknown;
  responses: { status: string; description: string; schema: Record<string, unknown> | null }[];
  bindings: TBinding[];
};

/** explorer.execute({ operationId, path, query, body?, confirm? }) — `confirm: true` for destructive operations. */
export type TExecuteInput = {
  operationId: string;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: unknown;
  confirm?: boolean;
};
export type TExecuteResponse = {
  historyId: string | null;
  operationId: string;
  method: string;
  status: number;
  latencyMs: number;
  attempts: number;
  headers: Record<string, string>;
  body: unknown;
  url: string;
  curl: string;
};

/** explorer.history({ limit, cursor? }) — every operation, newest first. */
export type THistoryItem = {
  id: string;
  operationId: string;
  method: string;
  url: string;
  request: Record<string, unknown>;
  status: number;
  latencyMs: number;
  response: unknown;
  createdAt: number;
  curl: string;
};
export type THistory = { items: THistoryItem[]; nextCursor: string | null };
