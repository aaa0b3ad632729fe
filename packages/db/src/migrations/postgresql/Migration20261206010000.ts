import { Migration } from '@mikro-orm/migrations';

/** Accepted lifecycle tokens (sha256) until they expire, so a replayed lifecycle callback is refused. */
export class Migration20261206010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "universal_webhook_lifecycle_token" ("token_hash" varchar(64) not null, "workspace_id" varchar(64) not null, "used_at" bigint not null, "expires_at" bigint not null, constraint "universal_webhook_lifecycle_token_pkey" primary key ("token_hash"));`,
    );
    this.addSql(`create index "universal_webhook_lifecycle_token_expires_at_index" on "universal_webhook_lifecycle_token" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "universal_webhook_lifecycle_token" cascade;`);
  }
}
