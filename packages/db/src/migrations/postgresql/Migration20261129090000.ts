import { Migration } from '@mikro-orm/migrations';

/**
 * The outbound rate windows are counters of the current second: writing them to the WAL (and waiting
 * for its flush on every Clockify call) buys nothing. Unlogged, they commit without an fsync and are
 * emptied by crash recovery, which only forgets seconds that are long over.
 */
export class Migration20261129090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "universal_webhook_rate_window" set unlogged;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "universal_webhook_rate_window" set logged;`);
  }
}
