import { z } from 'zod';

import { KEY_SCOPES } from '../services/auth/scopes';
import { orNull, ZEpochMsSchema } from './common.schemas';

export const ZCreateKeyRequestSchema = z.object({
  name: z.string().trim().min(1).max(128),
  /** `read` (the default), `write` (flows, replays, retries) or `admin` (keys, sources, destructive calls). */
  scope: z.enum(KEY_SCOPES).default('read'),
  /** Epoch milliseconds; left out: never (or, for a key minted by a key, when that key expires). */
  expiresAt: z.number().int().positive().optional(),
});

/** A service key as callers see it: never its hash. */
export const ZKeyViewSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  prefix: z.string().describe('the first characters of the key, to recognise it'),
  scope: z.enum(KEY_SCOPES),
  parentKeyId: z.string().nullable(),
  createdBy: orNull(z.string()),
  createdAt: ZEpochMsSchema,
  expiresAt: ZEpochMsSchema.nullable(),
  lastUsedAt: ZEpochMsSchema.nullable(),
  revokedAt: ZEpochMsSchema.nullable(),
  state: z.enum(['active', 'revoked', 'expired']),
});

/** The key itself is in this answer only. */
export const ZCreatedKeySchema = ZKeyViewSchema.extend({ key: z.string() });

export const ZRevokeKeyResultSchema = z.object({ id: z.string(), revoked: z.boolean(), alsoRevoked: z.array(z.string()) });
