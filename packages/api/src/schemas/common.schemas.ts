import { z } from 'zod';

/** Epoch milliseconds. */
export const ZEpochMsSchema = z.number().int().describe('epoch milliseconds');

export const ZIdInputSchema = z.object({ id: z.string() });

/** A stored failure (an execution's or a step's): a code when it has one, a message, and more fields kept as sent. */
export const ZStoredErrorSchema = z
  .looseObject({ code: z.string().optional(), message: z.string().optional() })
  .nullable()
  .describe('the failure as stored: a code when it has one, a message, and any further fields');

/** A page of newest-first items; `nextCursor` is passed back as `cursor` for the next page. */
export function pageOf<TItem extends z.ZodType>(item: TItem) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A nullable column as the ORM types it (`T | null | undefined`), always answered as `T | null`. */
export const orNull = <TSchema extends z.ZodType>(schema: TSchema) => schema.nullable().default(null);
