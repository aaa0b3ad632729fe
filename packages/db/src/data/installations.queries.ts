import type { EntityManager } from '@mikro-orm/knex';

import type { TDatabase } from '../database';
import { Flow, Installation, WebhookSubscription, type TInstallationStatus, type TInstallation } from '../entities';
import { newId } from '../ids';

/** The workspace's installation (any status), or null. */
export async function findInstallation(db: TDatabase, workspaceId: string): Promise<TInstallation | null> {
  return db.fork().findOne(Installation, { workspaceId });
}

/** Every ACTIVE installation, all workspaces: for the periodic jobs that visit each tenant in turn. */
export async function listActiveInstallations(db: TDatabase): Promise<TInstallation[]> {
  return db.fork().find(Installation, { status: 'ACTIVE' });
}

export type TNewInstallation = Omit<TInstallation, 'id'>;

/** Inserts the workspace's installation unless it has one already (any status); true when it inserted. */
export async function insertInstallationIfMissing(db: TDatabase, row: TNewInstallation): Promise<boolean> {
  const em = db.fork();
  if (await em.findOne(Installation, { workspaceId: row.workspaceId })) return false;
  await em.insert(Installation, { id: newId(), ...row });

  return true;
}

export type TInstallFields = Pick<TInstallation, 'addonId' | 'status' | 'tokenCipher' | 'apiUrl' | 'reportsUrl' | 'ownerUserId'>;
export type TManifestWebhook = { eventType: string; tokenHash: string; tokenCipher: string; path: string };

export type TRecordInstall = {
  fields: TInstallFields;
  webhooks: TManifestWebhook[];
  now: number;
  /** Called with the stored row (or null) inside the transaction; throwing refuses the install. */
  check?: (existing: TInstallation | null) => void;
};

/**
 * Stores an INSTALLED callback in one transaction: the installation row created, refreshed, or (when it was
 * DELETED) reset with empty settings; the manifest webhooks replaced by `webhooks`. Returns the stored row.
 */
export async function recordInstall(db: TDatabase, workspaceId: string, args: TRecordInstall): Promise<TInstallation> {
  const { now } = args;
  const fields = { ...args.fields, updatedAt: now, uninstalledAt: null };
  await db.fork().transactional(async (em) => {
    const existing = await em.findOne(Installation, { workspaceId });
    args.check?.(existing);
    if (existing) {
      em.assign(existing, existing.status === 'DELETED' ? { ...fields, settings: {}, installedAt: now } : fields);
    } else {
      em.create(Installation, { id: newId(), workspaceId, settings: {}, installedAt: now, ...fields });
    }
    await em.nativeDelete(WebhookSubscription, { workspaceId, origin: 'manifest' });
    for (const hook of args.webhooks) {
      em.create(WebhookSubscription, { id: newId(), workspaceId, origin: 'manifest', clockifyWebhookId: null, createdAt: now, ...hook });
    }
  });

  return db.fork().findOneOrFail(Installation, { workspaceId });
}

/** Sets the installation's status (STATUS_CHANGED). */
export async function updateInstallationStatus(db: TDatabase, workspaceId: string, args: { id: string; status: TInstallationStatus }) {
  await db.fork().nativeUpdate(Installation, { id: args.id, workspaceId }, { status: args.status, updatedAt: Date.now() });
}

/** Replaces the installation's saved settings (SETTINGS_UPDATED). */
export async function updateInstallationSettings(db: TDatabase, workspaceId: string, args: { id: string; settings: Record<string, unknown> }) {
  await db.fork().nativeUpdate(Installation, { id: args.id, workspaceId }, { settings: args.settings, updatedAt: Date.now() });
}

/**
 * Uninstall in one transaction: the installation DELETED without its token, every webhook subscription of the
 * workspace gone, every flow disabled.
 */
export async function recordUninstall(db: TDatabase, workspaceId: string, args: { id: string; now: number }) {
  const { now } = args;
  await db.fork().transactional(async (em: EntityManager) => {
    await em.nativeUpdate(
      Installation,
      { id: args.id, workspaceId },
      { status: 'DELETED', tokenCipher: null, uninstalledAt: now, updatedAt: now },
    );
    await em.nativeDelete(WebhookSubscription, { workspaceId });
    await em.nativeUpdate(Flow, { workspaceId }, { enabled: false, updatedAt: now });
  });
}
