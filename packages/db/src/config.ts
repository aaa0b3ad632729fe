import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import { defineConfig as defineSqliteConfig } from '@mikro-orm/better-sqlite';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig as definePgConfig } from '@mikro-orm/postgresql';

import { ALL_ENTITIES } from './entities';
import { migrationsList as pgMigrations } from './migrations/postgresql';
import { migrationsList as sqliteMigrations } from './migrations/sqlite';

export type TDialect = 'postgresql' | 'sqlite';

export type TDatabaseOptions = {
  /** `postgres://…` or `postgresql://…` for PostgreSQL; anything else is read as a SQLite file path. */
  url?: string;
  /** SQLite file used when `url` is empty. `:memory:` works for tests. */
  sqlitePath?: string;
  debug?: boolean;
  poolMax?: number;
  /**
   * PostgreSQL: the server cancels a statement after this long, and the client gives up on a connection
   * that stays silent for a little longer (a dead network path) and replaces it. Default 10 s.
   */
  queryTimeoutMs?: number;
};

export function dialectOf(url: string | undefined): TDialect {
  return url && /^postgres(ql)?:\/\//i.test(url) ? 'postgresql' : 'sqlite';
}

const migrationsPath = (dialect: TDialect) => new URL(`./migrations/${dialect}`, import.meta.url).pathname;

export function createOrmConfig(options: TDatabaseOptions) {
  const dialect = dialectOf(options.url);
  const common = {
    entities: ALL_ENTITIES,
    extensions: [Migrator],
    debug: options.debug ?? false,
    allowGlobalContext: false,
    ensureDatabase: false,
  };
  // knex writes a failed query into the error's message with its values inlined: webhook payloads would reach
  // error logs. Without them the message names the statement and the database's reason only.
  const knexOptions = { compileSqlOnError: false };
  if (dialect === 'postgresql') {
    // MikroORM's type omits `validate`, but knex's pool (tarn) runs it before lending a connection.
    const pool = { min: 0, max: options.poolMax ?? 10, validate: isUsablePgClient };

    return definePgConfig({
      ...common,
      clientUrl: options.url,
      pool,
      driverOptions: { ...knexOptions, connection: pgConnectionOptions(options.queryTimeoutMs ?? 10_000) },
      migrations: { ...migrationOptions('postgresql'), migrationsList: pgMigrations },
    });
  }
  const file = options.url || options.sqlitePath || './data/universal-webhook.db';
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
  }

  return defineSqliteConfig({
    ...common,
    dbName: file,
    pool: { min: 1, max: 1, afterCreate: configureSqlite },
    driverOptions: knexOptions,
    migrations: { ...migrationOptions('sqlite'), migrationsList: sqliteMigrations },
  });
}

function pgConnectionOptions(queryTimeoutMs: number) {
  return {
    connectionTimeoutMillis: 5_000,
    statement_timeout: queryTimeoutMs,
    idle_in_transaction_session_timeout: Math.max(60_000, queryTimeoutMs * 2),
    query_timeout: queryTimeoutMs + 2_000,
    keepAlive: true,
  };
}

type PgClient = { _activeQuery?: unknown; _ending?: boolean; _queryable?: boolean; connection?: { stream?: { destroy(): void } } };

/**
 * A client whose query timed out on the client side still waits for that query's answer (a silent
 * network path): every later query would queue behind it. Such a client fails validation and its socket
 * is destroyed, so the pool replaces it instead of handing it out again (and its `end()` cannot hang).
 */
function isUsablePgClient(client: PgClient): boolean {
  if (client._activeQuery || client._ending || client._queryable === false) {
    client.connection?.stream?.destroy();

    return false;
  }

  return true;
}

function migrationOptions(dialect: TDialect) {
  return {
    path: migrationsPath(dialect),
    pathTs: migrationsPath(dialect),
    glob: '!(*.d|index).{js,ts}',
    emit: 'ts' as const,
    snapshot: false,
    transactional: true,
    allOrNothing: true,
    silent: true,
  };
}

type SqliteConnection = { pragma(sql: string): unknown };

/** WAL for concurrent readers; synchronous=FULL so an acknowledged commit survives a power cut too. */
function configureSqlite(conn: SqliteConnection, done: (err: Error | null, conn: SqliteConnection) => void) {
  try {
    conn.pragma('journal_mode = WAL');
    conn.pragma('synchronous = FULL');
    conn.pragma('busy_timeout = 5000');
    conn.pragma('foreign_keys = ON');
    done(null, conn);
  } catch (err) {
    done(err as Error, conn);
  }
}
