import type { Knex } from '@mikro-orm/knex';

/** A knex connection or an open transaction: functions that can join a caller's transaction take it as `trx`. */
export type TSql = Knex;

/** JSON columns come back parsed on PostgreSQL and as text on SQLite. */
export const parseJsonColumn = <T = unknown>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Inserts rows in chunks of 200 (SQLite caps bound parameters per statement). */
export async function insertChunked(sql: TSql, table: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await sql(table).insert(rows.slice(i, i + 200));
  }
}
