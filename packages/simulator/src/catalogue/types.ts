/**
 * The part of @uw/clockify's `Operation` the simulator reads (structurally compatible with it), plus the
 * route-only form the built-in handlers declare so the simulator can run without any OpenAPI document.
 */
export type TJsonSchema = Record<string, unknown>;

export type TRouteSpec = { operationId: string; method: string; path: string; host: 'api' | 'reports' };

export type TSimParameter = { name: string; in: string; required?: boolean; schema?: unknown };

export type TSimOperation = TRouteSpec & {
  parameters?: readonly TSimParameter[];
  requestBody?: { required?: boolean; schema?: unknown };
  responses?: Record<string, { description?: string; schema?: unknown }>;
};
