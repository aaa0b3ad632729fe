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
  steps: z.record(z.string(), ZStepOutputSchema),
});

export type TStepOutput = z.infer<typeof ZStepOutputSchema>;
export type TFlowContext = z.infer<typeof ZFlowContextSchema>;
