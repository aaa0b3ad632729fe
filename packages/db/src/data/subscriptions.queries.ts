import type { TDatabase } from '../database';
import { WebhookSubscription, type TWebhookSubscription } from '../entities';
import { newId } from '../ids';
import { TABLE } from './tables';

type TOrigin = TWebhookSubscription['origin'];

/** The workspace's webhook registrations, event type and origin only. */
export async function listSubscriptionOrigins(db: TDatabase, workspaceId: string): Promise<{ eventType: string; origin: TOrigin }[]> {
  const rows = await db.fork().find(WebhookSubscription, { workspaceId }, { fields: ['eventType', 'origin'] });

  return rows.map((r) => ({ eventType: r.eventType, origin: r.origin }));
}

/** Webhook registrations of the workspace counted by origin. */
export async function countSubscriptionsByOrigin(db: TDatabase, workspaceId: string): Promise<{ origin: string; n: number }[]> {
  const rows = (await db
    .knex()(TABLE.subscription)
    .where('workspace_id', workspaceId)
    .select('origin')
    .count({ n: '*' })
    .groupBy('origin')) as unknown as { origin: string; n: string | number }[];

  return rows.map((r) => ({ origin: r.origin, n: Number(r.n) }));
}

/** Whether `tokenHash` is the token of one of the workspace's webhooks. */
export async function hasSubscriptionToken(db: TDatabase, workspaceId: string, tokenHash: string): Promise<boolean> {
  const row = await db.fork().findOne(WebhookSubscription, { workspaceId, tokenHash }, { fields: ['id'] });

  return row !== null;
}

/** The webhooks we registered through Clockify's API for the workspace (all event types, or one). */
export async function listApiSubscriptions(db: TDatabase, workspaceId: string, eventType?: string): Promise<TWebhookSubscription[]> {
  return db.fork().find(WebhookSubscription, { workspaceId, origin: 'api', ...(eventType ? { eventType } : {}) });
}

export type TApiSubscription = Pick<TWebhookSubscription, 'eventType' | 'clockifyWebhookId' | 'tokenHash' | 'tokenCipher' | 'path'>;

/** Replaces the API webhook of an event type in one transaction: readers see the old row or the new, never neither. */
export async function replaceApiSubscription(db: TDatabase, workspaceId: string, row: TApiSubscription): Promise<void> {
  await db.fork().transactional(async (em) => {
    await em.nativeDelete(WebhookSubscription, { workspaceId, origin: 'api', eventType: row.eventType });
    await em.insert(WebhookSubscription, { id: newId(), workspaceId, origin: 'api', createdAt: Date.now(), ...row });
  });
}
