import { z } from 'zod';

const ZMethodSchema = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const ZHostSchema = z.enum(['api', 'reports']);

export const ZEndpointsRequestSchema = z
  .object({
    tag: z.string().max(128).optional(),
    method: z
      .string()
      .transform((m) => m.toUpperCase())
      .pipe(ZMethodSchema)
      .optional(),
    /** Case-insensitive, over operationId, summary and path. */
    search: z.string().trim().max(200).optional(),
  })
  .default({});
export type TEndpointsRequest = z.infer<typeof ZEndpointsRequestSchema>;

export const ZEndpointSummarySchema = z.object({
  operationId: z.string(),
  method: ZMethodSchema,
  path: z.string(),
  summary: z.string(),
  deprecated: z.boolean(),
  host: ZHostSchema,
  destructive: z.boolean(),
});

export const ZEndpointsResponseSchema = z.object({
  available: z.boolean(),
  /** Why the catalogue is missing and how to sync it; only when `available` is false. */
  reason: z.string().optional(),
  /** Operations matching the filters (all of them without filters). */
  total: z.number().int(),
  tags: z.array(z.object({ name: z.string(), count: z.number().int(), operations: z.array(ZEndpointSummarySchema) })),
});
export type TEndpointsResponse = z.infer<typeof ZEndpointsResponseSchema>;

export const ZOperationRequestSchema = z.object({ operationId: z.string().min(1).max(128) });

export const ZBindingSchema = z.object({
  name: z.string(),
  in: z.literal('path'),
  /** `workspace`: always the caller's workspace; `user`: the caller's user id unless another is given. */
  source: z.enum(['workspace', 'user']),
  value: z.string().nullable(),
  overridable: z.boolean(),
});
export type TBinding = z.infer<typeof ZBindingSchema>;

const ZJsonSchema = z.record(z.string(), z.unknown());

export const ZOperationDetailSchema = ZEndpointSummarySchema.extend({
  tag: z.string(),
  description: z.string(),
  destructiveReason: z.string().nullable(),
  parameters: z.array(
    z.object({
      name: z.string(),
      in: z.enum(['path', 'query', 'header']),
      required: z.boolean(),
      description: z.string(),
      schema: ZJsonSchema,
      example: z.unknown(),
      boundTo: z.enum(['workspace', 'user']).nullable(),
    }),
  ),
  requestBody: z.object({ required: z.boolean(), contentType: z.string(), schema: ZJsonSchema }).nullable(),
  exampleBody: z.unknown(),
  responses: z.array(z.object({ status: z.string(), description: z.string(), schema: ZJsonSchema.nullable() })),
  bindings: z.array(ZBindingSchema),
});
export type TOperationDetail = z.infer<typeof ZOperationDetailSchema>;

export const ZExecuteRequestSchema = z.object({
  operationId: z.string().min(1).max(128),
  path: z.record(z.string(), z.unknown()).default({}),
  query: z.record(z.string(), z.unknown()).default({}),
  body: z.unknown().optional(),
  /** Required (true) for destructive operations; see `destructiveReason`. */
  confirm: z.boolean().optional(),
});
export type TExecuteRequest = z.infer<typeof ZExecuteRequestSchema>;

export const ZExecuteResponseSchema = z.object({
  historyId: z.string().nullable(),
  operationId: z.string(),
  method: z.string(),
  status: z.number().int(),
  latencyMs: z.number().int(),
  attempts: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.unknown(),
  /** The URL called; tokens travel in headers only, never here. */
  url: z.string(),
  /** The same call as a curl command, with `$CLOCKIFY_ADDON_TOKEN` in place of the token. */
  curl: z.string(),
});
export type TExecuteResponse = z.infer<typeof ZExecuteResponseSchema>;

export const ZHistoryRequestSchema = z
  .object({ limit: z.number().int().min(1).max(100).default(20), cursor: z.string().max(64).optional() })
  .default({ limit: 20 });
export type THistoryRequest = z.infer<typeof ZHistoryRequestSchema>;

export const ZHistoryItemSchema = z.object({
  id: z.string(),
  operationId: z.string(),
  method: z.string(),
  url: z.string(),
  request: z.record(z.string(), z.unknown()),
  status: z.number().int(),
  latencyMs: z.number().int(),
  /** `{ body }`, `{ truncated: true, bytes, preview }` past 64 KB, or `{ error }` when no answer came back. */
  response: z.unknown(),
  createdAt: z.number(),
  curl: z.string(),
});

export const ZHistoryResponseSchema = z.object({ items: z.array(ZHistoryItemSchema), nextCursor: z.string().nullable() });
export type THistoryResponse = z.infer<typeof ZHistoryResponseSchema>;
