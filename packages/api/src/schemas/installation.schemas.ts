import { z } from 'zod';

import { ZEpochMsSchema } from './common.schemas';

export const ZInstallationStatusSchema = z.object({
  workspaceId: z.string(),
  status: z.enum(['ACTIVE', 'INACTIVE', 'DELETED']),
  apiUrl: z.string(),
  reportsUrl: z.string(),
  installedAt: ZEpochMsSchema,
  webhooks: z.object({ manifest: z.number().int(), api: z.number().int() }).describe('registrations we hold, by origin'),
});

export const ZRepairResultSchema = z.object({
  created: z.array(z.string()),
  kept: z.array(z.string()),
  failed: z.array(z.object({ event: z.string(), message: z.string() })),
});
