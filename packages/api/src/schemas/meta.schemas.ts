import { z } from 'zod';

import { ZFlowDefinitionSchema } from '@uw/flow-engine';

import { KEY_SCOPES } from '../services/auth/scopes';

export const ZEventTypeSchema = z.object({ name: z.string(), entity: z.string(), description: z.string(), inManifest: z.boolean() });

export const ZTemplateSchema = z.object({ id: z.string(), name: z.string(), description: z.string(), definition: ZFlowDefinitionSchema });

export const ZWhoamiSchema = z.object({
  workspaceId: z.string(),
  userId: z.string().nullable(),
  role: z.enum(['admin', 'user', 'service']),
  via: z.enum(['clockify', 'service_key', 'dev']),
  /** A service key's scope; null for people. */
  scope: z.enum(KEY_SCOPES).nullable(),
});
