import { z } from 'zod';

/** What a finished action leaves for later expressions: `steps.<nodeId>.status|body|headers`. */
export const ZStepOutputSchema = z.object({
  status: z.number().int(),
  body: z.unknown(),
  headers: z.record(z.string(), z.string()),
});

/**
 * The input every expression of one execution sees as `$`. `event.type` is the Clockify event name
 * (or the custom source's event label), `receivedAt` an ISO-8601 string, `headers` the webhook's
 * request headers (already stripped of secrets by the receiver).
 */
export const ZFlowContextSchema = z.object({
  event: z.object({ type: z.string(), source: z.string(), receivedAt: z.string(), id: z.string() }),
  payload: z.unknown(),
  headers: z.record(z.string(), z.string()),
  workspace: z.object({ id: z.string().min(1) }),
  /**
   * Earlier nodes' outputs: an action's `{ status, body, headers }`, a set node's values, a forEach's
   * `{ results, count }` (inside its body: `{ item, index }`).
   */
  steps: z.record(z.string(), z.unknown()),
  /** Inside a forEach body: the current item and its index (expressions read them as `$item`, `$index`). */
  loop: z.object({ item: z.unknown(), index: z.number().int() }).optional(),
});

export type TStepOutput = z.infer<typeof ZStepOutputSchema>;
export type TFlowContext = z.infer<typeof ZFlowContextSchema>;
