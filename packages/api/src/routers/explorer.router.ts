import { describeOperation } from '../services/explorer/describe-operation';
import { eventExample, ZEventExampleRequestSchema, ZEventExampleSchema } from '../services/explorer/event-example';
import { executeOperation } from '../services/explorer/execute-operation';
import { listHistory } from '../services/explorer/explorer-history';
import {
  ZEndpointsRequestSchema,
  ZEndpointsResponseSchema,
  ZExecuteRequestSchema,
  ZExecuteResponseSchema,
  ZHistoryRequestSchema,
  ZHistoryResponseSchema,
  ZOperationDetailSchema,
  ZOperationRequestSchema,
} from '../services/explorer/explorer.types';
import { listEndpoints } from '../services/explorer/list-endpoints';
import { readProcedure, router } from '../trpc';

/**
 * Clockify's API from the add-on's side: browse the catalogue, run any operation with the installation token.
 * Admins only; a service key needs the scope of the operation (`scopeToRun`: reads `read`, creating
 * `write`, destructive calls `admin`).
 */
export const explorerRouter = router({
  endpoints: readProcedure
    .input(ZEndpointsRequestSchema)
    .output(ZEndpointsResponseSchema)
    .query(({ ctx, input }) => listEndpoints(ctx.deps, input)),
  operation: readProcedure
    .input(ZOperationRequestSchema)
    .output(ZOperationDetailSchema)
    .query(({ ctx, input }) => describeOperation(ctx.deps, ctx.caller, input.operationId)),
  execute: readProcedure
    .input(ZExecuteRequestSchema)
    .output(ZExecuteResponseSchema)
    .mutation(({ ctx, input }) => executeOperation(ctx.deps, ctx.caller, input)),
  /** An example payload of an event type from the schema of the entity it carries (when none is logged yet). */
  eventExample: readProcedure
    .input(ZEventExampleRequestSchema)
    .output(ZEventExampleSchema)
    .query(({ ctx, input }) => eventExample(ctx.deps, input.eventType)),
  history: readProcedure
    .input(ZHistoryRequestSchema)
    .output(ZHistoryResponseSchema)
    .query(({ ctx, input }) => listHistory(ctx.deps, ctx.caller, input)),
});
