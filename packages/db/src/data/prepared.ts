import type { TDatabase } from '../database';

/**
 * A named PostgreSQL statement for the hot paths: parsed and planned once per connection (the driver keeps
 * it by name), then only bound and executed. Its text never changes at run time: variable-length input goes
 * in as arrays (`unnest($1::text[], …)`) or one JSON document (`jsonb_to_recordset($2::jsonb)`).
 */
export type TPrepared = { name: string; text: string };

type TPgConnection = { query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };
type TPool = { acquireConnection(): Promise<TPgConnection>; releaseConnection(c: TPgConnection): Promise<unknown> };

/**
 * Runs a prepared statement on a connection of the ORM's own pool (so pool size and type parsing stay as
 * everywhere else), bypassing the query builder. One statement is one implicit transaction. PostgreSQL only.
 */
export async function runPrepared<TRow>(db: TDatabase, statement: TPrepared, values: unknown[]): Promise<TRow[]> {
  if (db.dialect !== 'postgresql') throw new Error(`prepared statement ${statement.name} needs PostgreSQL`);
  const pool = db.knex().client as unknown as TPool;
  const conn = await pool.acquireConnection();
  try {
    const result = await conn.query({ name: statement.name, text: statement.text, values });

    return result.rows as TRow[];
  } finally {
    await pool.releaseConnection(conn);
  }
}

/** Knex-style `?` placeholders as PostgreSQL's `$1…$n`, in order (for statements shared with the knex paths). */
export function numbered(sql: string, from = 1): string {
  let n = from - 1;

  return sql.replace(/\?/g, () => `$${++n}`);
}
