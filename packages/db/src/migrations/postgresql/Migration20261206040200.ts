import { Migration } from '@mikro-orm/migrations';

/** Workspace secrets for `$secret("name")` in action fields: the value only encrypted, one name per workspace. */
export class Migration20261206040200 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "universal_webhook_secret" ("id" varchar(36) not null, "workspace_id" varchar(64) not null, "name" varchar(64) not null, "description" text null, "value_cipher" text not null, "created_at" bigint not null, "created_by" varchar(64) null, "updated_at" bigint not null, "updated_by" varchar(64) null, constraint "universal_webhook_secret_pkey" primary key ("id"));`);
    this.addSql(`alter table "universal_webhook_secret" add constraint "universal_webhook_secret_workspace_id_name_unique" unique ("workspace_id", "name");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "universal_webhook_secret" cascade;`);
  }

}
