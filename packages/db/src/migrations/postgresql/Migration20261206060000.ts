import { Migration } from '@mikro-orm/migrations';

/**
 * Rate windows are unlogged: they count the current second's outbound calls, so a take (one statement per
 * block of slots) must not wait for a WAL flush. After a crash PostgreSQL empties the table, which forgets at
 * most the second the crash happened in.
 */
export class Migration20261206060000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "universal_webhook_rate_window" set unlogged;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "universal_webhook_rate_window" set logged;`);
  }

}
