import { MikroORM } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/knex';

import { createOrmConfig, dialectOf, type TDialect, type TDatabaseOptions } from './config';

export type TDatabase = {
  orm: MikroORM;
  dialect: TDialect;
  /** A fresh EntityManager: one per request or job, never the global one. */
  fork(): EntityManager;
  /** The query builder for hot paths that need plain SQL (ingest, queue). Always scope by workspace. */
  knex(): Knex;
  migrate(): Promise<string[]>;
  pendingMigrations(): Promise<string[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

export async function openDatabase(options: TDatabaseOptions & { migrate?: boolean }): Promise<TDatabase> {
  const dialect = dialectOf(options.url);
  const orm = await MikroORM.init(createOrmConfig(options) as never);
  const db: TDatabase = {
    orm,
    dialect,
    fork: () => orm.em.fork() as unknown as EntityManager,
    knex: () => (orm.em as unknown as EntityManager).getKnex(),
    async migrate() {
      const done = await orm.getMigrator().up();

      return done.map((m) => m.name);
    },
    async pendingMigrations() {
      const pending = await orm.getMigrator().getPendingMigrations();

      return pending.map((m) => m.name);
    },
    async ping() {
      await orm.em.getConnection().execute('select 1', [], 'get');
    },
    close: () => orm.close(true),
  };
  if (options.migrate !== false) {
    await db.migrate();
  }

  return db;
}

/** The database for logs and error messages: the URL with its password masked, or the SQLite file. */
export function describeDatabase(options: TDatabaseOptions): string {
  if (dialectOf(options.url) === 'postgresql') {
    return (options.url ?? '').replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');
  }

  return `sqlite:${options.url || options.sqlitePath || './data/universal-webhook.db'}`;
}
