import { z } from 'zod';

import { SETTING_IDS } from '../services/settings/definitions';
import { ZInstallationStatusSchema } from './installation.schemas';

export const ZEffectiveSettingSchema = z.object({
  id: z.enum(SETTING_IDS),
  group: z.string(),
  name: z.string(),
  value: z.unknown(),
  origin: z.enum(['workspace', 'environment']).describe('saved in Clockify, or the environment’s default'),
});

export const ZWorkspaceSettingsSchema = z.object({
  workspaceId: z.string(),
  status: ZInstallationStatusSchema.shape.status,
  settings: z.array(ZEffectiveSettingSchema),
});
