import { z } from 'zod';

import { SECRET_NAME_PATTERN } from '@uw/flow-engine';

import { ZEpochMsSchema } from './common.schemas';

export const ZSecretNameSchema = z
  .string()
  .trim()
  .regex(SECRET_NAME_PATTERN, 'a secret name is a letter or digit, then letters, digits, _ - or . (at most 64 characters)');

/**
 * The value: written, never read back. 4 characters to 16 KiB (an API key, a token, a webhook URL, a PEM key): answers
 * are masked wherever the value appears in them, which would garble them for a value of a character or two.
 */
export const ZSecretValueSchema = z.string().min(4, 'the value needs at least 4 characters').max(16_384);

export const ZSecretUsageSchema = z.object({ id: z.string(), name: z.string() });

/** What every answer shows of a secret: never its value. `usedBy`: flows whose current version calls `$secret("name")`. */
export const ZSecretViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  createdAt: ZEpochMsSchema,
  createdBy: z.string().nullable(),
  updatedAt: ZEpochMsSchema,
  updatedBy: z.string().nullable(),
  usedBy: z.array(ZSecretUsageSchema),
});

export const ZCreateSecretRequestSchema = z.object({
  name: ZSecretNameSchema,
  description: z.string().trim().max(500).optional(),
  value: ZSecretValueSchema,
});

/** Rotate (a new `value`; the next request sent uses it) and/or describe. */
export const ZUpdateSecretRequestSchema = z.object({
  id: z.string(),
  data: z
    .object({ value: ZSecretValueSchema.optional(), description: z.string().trim().max(500).nullable().optional() })
    .refine((d) => d.value !== undefined || d.description !== undefined, 'send a new value or description'),
});

export const ZDeleteSecretResultSchema = z.object({ id: z.string(), deleted: z.literal(true) });

export type TSecretView = z.infer<typeof ZSecretViewSchema>;
export type TCreateSecretRequest = z.infer<typeof ZCreateSecretRequestSchema>;
export type TUpdateSecretRequest = z.infer<typeof ZUpdateSecretRequestSchema>;
