import { z } from 'zod';

import { orNull, ZEpochMsSchema, ZIdInputSchema } from './common.schemas';

export const ZVerificationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('bearer') }),
  z.object({
    kind: z.literal('hmac'),
    header: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
    encoding: z.enum(['hex', 'base64']),
    prefix: z.string().max(32).optional(),
  }),
  z.object({ kind: z.literal('github') }),
  z.object({ kind: z.literal('stripe'), toleranceSeconds: z.number().int().min(30).max(3600).default(300) }),
  z.object({ kind: z.literal('standard') }),
]);

const header = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a header name');
export const ZSourceInputSchema = z.object({
  name: z.string().trim().min(1).max(128),
  verification: ZVerificationSchema,
  /** Bring your own secret (e.g. Stripe's whsec_…); omitted → we generate one. */
  secret: z.string().min(8).max(512).optional(),
  idHeader: header.nullish(),
  eventTypeHeader: header.nullish(),
  ratePerMinute: z.number().int().min(1).max(100_000).default(600),
  enabled: z.boolean().default(true),
});
export type TSourceInput = z.infer<typeof ZSourceInputSchema>;

export const ZSourceUpdateSchema = z.object({
  id: z.string(),
  data: ZSourceInputSchema.omit({ verification: true, secret: true }).partial(),
});
export type TSourcePatchInput = z.infer<typeof ZSourceUpdateSchema>['data'];

export const ZRotateSecretInputSchema = ZIdInputSchema.extend({ secret: z.string().min(8).max(512).optional() });

/** A source as callers see it: never its secrets (only once, at create and rotate). */
export const ZSourceViewSchema = z.object({
  id: z.string(),
  publicId: z.string(),
  name: z.string(),
  verification: ZVerificationSchema,
  enabled: z.boolean(),
  idHeader: orNull(z.string()),
  eventTypeHeader: orNull(z.string()),
  ratePerMinute: z.number().int(),
  liveSecrets: z.number().int().describe('secrets accepted now (two during a rotation)'),
  url: z.string().describe('where the source posts its webhooks'),
  createdAt: ZEpochMsSchema,
  updatedAt: ZEpochMsSchema,
});

/** Create and rotate answer the secret once; null for a source without verification. */
export const ZSourceWithSecretSchema = z.object({ source: ZSourceViewSchema, secret: z.string().nullable() });

export const ZDeleteSourceResultSchema = z.object({ id: z.string(), deleted: z.boolean() });
