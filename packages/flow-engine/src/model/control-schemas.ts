import { z } from 'zod';

import { nodeBase, ZExpressionSchema } from './node-base';

/** Items a `forEach` takes when `maxItems` is left out, and the most it may ever be set to. */
export const LOOP_MAX_ITEMS_DEFAULT = 1_000;
export const LOOP_MAX_ITEMS_CAP = 10_000;

/** The branch of a switch edge taken when no case is truthy. */
export const SWITCH_DEFAULT_BRANCH = 'default';

export const ZSwitchCaseSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .refine((id) => id !== SWITCH_DEFAULT_BRANCH, 'the case id "default" is reserved for the fallback branch'),
  label: z.string().max(200).optional(),
  expression: ZExpressionSchema.min(1, 'write the case condition'),
});

/** The first case whose expression is truthy picks the edges with that case id as `branch`; none → `"default"`. */
export const ZFlowSwitchSchema = z.object({
  ...nodeBase,
  kind: z.literal('switch'),
  data: z.object({ cases: z.array(ZSwitchCaseSchema).max(50) }),
});

/**
 * Runs the `body` edges' subgraph once per item of `items` (an expression giving an array), one item
 * after another, then the `done` edges. Inside the body `$item`/`$index` are bound; afterwards
 * `steps.<id>.results` holds, per item, the output of the body's last node(s).
 */
export const ZFlowForEachSchema = z.object({
  ...nodeBase,
  kind: z.literal('forEach'),
  data: z.object({
    items: ZExpressionSchema.min(1, 'write the expression giving the list'),
    maxItems: z.number().int().positive().default(LOOP_MAX_ITEMS_DEFAULT),
  }),
});

/** Evaluates each expression once: `steps.<id>.<name>`. */
export const ZFlowSetSchema = z.object({
  ...nodeBase,
  kind: z.literal('set'),
  data: z.object({ values: z.record(z.string().min(1).max(100), ZExpressionSchema).default({}) }),
});

/**
 * Parks the execution: `seconds` (an expression giving a number) from when it is reached, or `until`
 * (an expression giving an ISO-8601 time). Exactly one of them.
 */
export const ZFlowWaitSchema = z.object({
  ...nodeBase,
  kind: z.literal('wait'),
  data: z.object({ seconds: ZExpressionSchema.min(1).optional(), until: ZExpressionSchema.min(1).optional() }),
});
