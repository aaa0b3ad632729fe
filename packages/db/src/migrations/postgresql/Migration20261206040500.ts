import { Migration } from '@mikro-orm/migrations';

/** The audit trail: one row per admin change (who, when, what, to which target). */
export class Migration20261206040500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "universal_webhook_audit" ("id" varchar(36) not null, "workspace_id" varchar(64) not null, "at" bigint not null, "actor_kind" varchar(16) not null, "actor_id" varchar(64) null, "action" varchar(64) not null, "target_type" varchar(32) not null, "target_id" varchar(64) null, "summary" varchar(256) not null, "details" jsonb not null, constraint "universal_webhook_audit_pkey" primary key ("id"));`);
    this.addSql(`create index "universal_webhook_audit_workspace_id_id_index" on "universal_webhook_audit" ("workspace_id", "id");`);
    this.addSql(`create index "universal_webhook_audit_workspace_id_target_id_id_index" on "universal_webhook_audit" ("workspace_id", "target_id", "id");`);
    this.addSql(`create index "universal_webhook_audit_at_index" on "universal_webhook_audit" ("at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "universal_webhook_audit" cascade;`);
  }

}
