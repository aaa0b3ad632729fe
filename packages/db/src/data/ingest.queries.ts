import type { TSourceVerification } from '../entities';
import type { TDatabase } from '../database';
import { runPrepared, type TPrepared } from './prepared';
import { parseJsonColumn } from './sql';
import { TABLE } from './tables';

/**
 * The hot-path reads of the webhook receivers: who a request belongs to, in one query each (a prepared
 * statement on PostgreSQL, the query builder on SQLite).
 */

const CREDENTIAL: TPrepared = {
  name: 'uw_ingest_credential_v1',
  text: `select i.status, i.settings, i.addon_id from ${TABLE.subscription} s
    join ${TABLE.installation} i on i.workspace_id = s.workspace_id
    where s.workspace_id = $1 and s.token_hash = $2 limit 1`,
};

const SOURCE_COLUMNS = [
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
];

const SOURCE: TPrepared = {
  name: 'uw_ingest_source_v1',
  text: `select ${SOURCE_COLUMNS.join(', ')} from ${TABLE.customSource} s
    join ${TABLE.installation} i on i.workspace_id = s.workspace_id
    where s.public_id = $1 limit 1`,
};

export type TWebhookCredential = { status: string; settings: Record<string, unknown>; addonId: string };

/** The installation behind a Clockify webhook's token (by its sha256), or undefined for a token no installation holds. */
export async function findWebhookCredential(
  db: TDatabase,
  workspaceId: string,
  tokenHash: string,
): Promise<TWebhookCredential | undefined> {
  const row =
    db.dialect === 'postgresql'
      ? (await runPrepared<Record<string, string>>(db, CREDENTIAL, [workspaceId, tokenHash]))[0]
      : await db
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
  const row =
    db.dialect === 'postgresql'
      ? (await runPrepared<Record<string, unknown>>(db, SOURCE, [publicId]))[0]
      : await db
          .knex()(`${TABLE.customSource} as s`)
          .join(`${TABLE.installation} as i`, 'i.workspace_id', 's.workspace_id')
          .where('s.public_id', publicId)
          .first(...SOURCE_COLUMNS);
  if (!row) return null;

  return {
    ...row,
    enabled: Boolean(row.enabled),
    verification: parseJsonColumn(row.verification),
    secret_ciphers: parseJsonColumn(row.secret_ciphers),
    settings: parseJsonColumn(row.settings),
  };
}
