import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

export type TInstallationStatus = 'ACTIVE' | 'INACTIVE' | 'DELETED';

export const Installation = defineEntity({
  name: 'Installation',
  tableName: 'universal_webhook_installation',
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn().unique(),
    addonId: p.string().length(64),
    status: p.string().length(16).$type<TInstallationStatus>(),
    /** AES-256-GCM ciphertext of the installation token (never the plain token). Null after uninstall. */
    tokenCipher: p.text().nullable(),
    apiUrl: p.string().length(512),
    reportsUrl: p.string().length(512),
    ownerUserId: p.string().length(64).nullable(),
    /** Settings saved in Clockify: { [settingId]: value }. The environment fills the rest. */
    settings: p.json<Record<string, unknown>>(),
    installedAt: epochMs(),
    updatedAt: epochMs(),
    uninstalledAt: epochMs().nullable(),
  },
});
export type TInstallation = InferEntity<typeof Installation>;
