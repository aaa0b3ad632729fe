import type { TSourceVerification } from '../entities';
import type { TDatabase } from '../database';
import { parseJsonColumn } from './sql';
import { TABLE } from './tables';

/** The hot-path reads of the webhook receivers: who a request belongs to, in one query each. */

export type TWebhookCredential = { status: string; settings: Record<string, unknown>; addonId: string };

/** The installation behind a Clockify webhook's token (by its sha256), or undefined for a token no installation holds. */
export async function findWebhookCredential(
  db: TDatabase,
  workspaceId: string,
  tokenHash: string,
): Promise<TWebhookCredential | undefined> {
  const row = await db
    .knex()(`${TABLE.subscription} as s`)
    .join(`${TABLE.installation} as i`, 'i.workspace_id', 's.workspace_id')
    .where({ 's.workspace_id': workspaceId, 's.token_hash': tokenHash })
    .first('i.status', 'i.settings', 'i.addon_id');
  if (!row) return undefined;

  return { status: row.status, settings: parseJsonColumn(row.settings), addonId: row.addon_id };
}

export type TIngestSource = {
  id: string;
  workspace_id: string;
  verification: TSourceVerification;
  secret_ciphers: string[];
  id_header: string | null;
  event_type_header: string | null;
  rate_per_minute: number;
  enabled: boolean;
  status: string;
  settings: Record<string, unknown>;
};

/** A custom source by its public id, with its installation's status and settings, or null. */
export async function findIngestSource(db: TDatabase, publicId: string): Promise<TIngestSource | null> {
  const row = await db
    .knex()(`${TABLE.customSource} as s`)
    .join(`${TABLE.installation} as i`, 'i.workspace_id', 's.workspace_id')
    .where('s.public_id', publicId)
    .first(
      's.id',
      's.workspace_id',
      's.verification',
      's.secret_ciphers',
      's.id_header',
      's.event_type_header',
      's.rate_per_minute',
      's.enabled',
      'i.status',
      'i.settings',
    );
  if (!row) return null;

  return {
    ...row,
    enabled: Boolean(row.enabled),
    verification: parseJsonColumn(row.verification),
    secret_ciphers: parseJsonColumn(row.secret_ciphers),
    settings: parseJsonColumn(row.settings),
  };
}
