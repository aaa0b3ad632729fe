/**
 * The part of @uw/clockify's `Operation` the simulator reads (structurally compatible with it), plus the
 * route-only form the built-in handlers declare so the simulator can run without any OpenAPI document.
 */
export type JsonSchema = Record<string, unknown>;

export type RouteSpec = { operationId: string; method: string; path: string; host: 'api' | 'reports' };

export type SimParameter = { name: string; in: string; required?: boolean; schema?: unknown };

export type SimOperation = RouteSpec & {
  parameters?: readonly SimParameter[];
  requestBody?: { required?: boolean; schema?: unknown };
  responses?: Record<string, { description?: string; schema?: unknown }>;
};
