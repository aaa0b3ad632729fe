import { Migration } from '@mikro-orm/migrations';

export class Migration20261129034633 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "universal_webhook_bootstrap_state" ("id" varchar(36) not null, "workspace_id" varchar(64) not null, "status" varchar(32) not null, "plan" jsonb not null, "ops_done" int not null, "ops_total" int not null, "pages" int not null, "entities" int not null, "errors" jsonb not null, "cursor" jsonb not null, "lease_owner" varchar(64) null, "lease_until" bigint null, "started_at" bigint null, "finished_at" bigint null, "eta_at" bigint null, "updated_at" bigint not null, constraint "universal_webhook_bootstrap_state_pkey" primary key ("id"));`);
    this.addSql(`alter table "universal_webhook_bootstrap_state" add constraint "universal_webhook_bootstrap_state_workspace_id_unique" unique ("workspace_id");`);

    this.addSql(`create table "universal_webhook_custom_source" ("id" varchar(36) not null, "workspace_id" varchar(64) not null, "public_id" varchar(64) not null, "name" varchar(128) not null, "verification" jsonb not null, "secret_ciphers" jsonb not null, "id_header" varchar(128) null, "event_type_header" varchar(128) null, "rate_per_minute" int not null, "enabled" boolean not null, "created_at" bigint not null, "updated_at" bigint not null, constraint "universal_webhook_custom_source_pkey" primary key ("id"));`);
    this.addSql(`alter table "universal_webhook_custom_source" add constraint "universal_webhook_custom_source_public_id_unique" unique ("public_id");`);
    this.addSql(`create index "universal_webhook_custom_source_workspace_id_index" on "universal_webhook_custom_source" ("workspace_id");`);

    this.addSql(`create table "universal_webhook_dedup" ("id" varchar(36) not null, "workspace_id" varchar(64) not null, "dedup_key" varchar(128) not null, "log_id" varchar(36) not null, "expires_at" bigint not null, constraint "universal_webhook_dedup_pkey" primary key ("id"));`);
    this.addSql(`create index "universal_webhook_dedup_expires_at_index" on "universal_webhook_dedup" ("expires_at");`);
    this.addSql(`alter table "universal_webhook_dedup" add constraint "universal_webhook_dedup_workspace_id_dedup_key_unique" unique ("workspace_id", "dedup_key");`);

    this.addSql(`create table "universal_webhook_entity_cache" ("id" varchar(36) not null, "workspace_id" varchar(64) not null, "entity_type" varchar(64) not null, "entity_id" varchar(128) not null, "name" varchar(256) null, "data" jsonb not null, "fetched_at" bigint not null, "expires_at" bigint not null, constraint "universal_webhook_entity_cache_pkey" primary key ("id"));`);
    this.addSql(`create index "universal_webhook_entity_cache_workspace_id_entity_c4f4e_index" on "universal_webhook_entity_cache" ("workspace_id", "entity_type", "name");`);
    this.addSql(`create index "universal_webhook_entity_cache_expires_at_index" on "universal_webhook_entity_cache" ("expires_at");`);
    this.addSql(`alter table "universal_webhook_entity_cache" add constraint "universal_webhook_entity_cache_workspace_id_entit_d5244_unique" unique ("workspace_id", "entity_type", "entity_id");`);

    this.addSql(`create table "universal_webhook_execution_step" ("id" varchar(36) not null, "workspace_id" varchar(64) not null, "execution_id" varchar(36) not null, "seq" int not null, "node_id" varchar(64) null, "kind" varchar(32) not null, "status" varchar(16) not null, "attempt" int not null, "request" jsonb null, "response" jsonb null, "error" jsonb null, "idempotency_key" varchar(128) null, "latency_ms" int null, "created_at" bigint not null, constraint "universal_webhook_execution_step_pkey" primary key ("id"));`);
    this.addSql(`create index "universal_webhook_execution_step_execution_id_seq_index" on "universal_webhook_execution_step" ("execution_id", "seq");`);
    this.addSql(`create index "universal_webhook_execution_step_workspace_id_index" on "universal_webhook_execution_step" ("workspace_id");`);

    this.addSql(`create table "universal_webhook_explorer_history" ("id" varchar(36) not null, "workspace_id" varchar(64) not null, "user_id" varchar(64) not null, "operation_id" varchar(128) not null, "method" varchar(8) not null, "url" varchar(2048) not null, "request" jsonb not null, "status" int not null, "latency_ms" int not null, "response" jsonb null, "created_at" bigint not null, constraint "universal_webhook_explorer_history_pkey" primary key ("id"));`);
    this.addSql(`create index "universal_webhook_explorer_history_workspace_id_us_c67b4_index" on "universal_webhook_explorer_history" ("workspace_id", "user_id", "id");`);

    this.addSql(`create table "universal_webhook_flow" ("id" varchar(36) not null, "workspace_id" varchar(64) not null, "name" varchar(200) not null, "description" text null, "enabled" boolean not null, "current_version_id" varchar(36) not null, "current_version" int not null, "last_run_status" varchar(16) null, "last_run_at" bigint null, "created_at" bigint not null, "updated_at" bigint not null, "deleted_at" bigint null, constraint "universal_webhook_flow_pkey" primary key ("id"));`);
    this.addSql(`create index "universal_webhook_flow_workspace_id_enabled_index" on "universal_webhook_flow" ("workspace_id", "enabled");`);

    this.addSql(`create table "universal_webhook_flow_execution" ("id" varchar(36) not null, "workspace_id" varchar(64) not null, "flow_id" varchar(36) not null, "flow_version_id" varchar(36) not null, "log_id" varchar(36) null, "status" varchar(16) not null, "attempts" int not null, "run_after" bigint not null, "lease_owner" varchar(64) null, "lease_until" bigint null, "lease_token" int not null, "trigger" jsonb not null, "error" jsonb null, "retry_of" varchar(36) null, "created_at" bigint not null, "started_at" bigint null, "finished_at" bigint null, constraint "universal_webhook_flow_execution_pkey" primary key ("id"));`);
    this.addSql(`create index "universal_webhook_flow_execution_status_run_after_index" on "universal_webhook_flow_execution" ("status", "run_after");`);
    this.addSql(`create index "universal_webhook_flow_execution_workspace_id_flow_id_id_index" on "universal_webhook_flow_execution" ("workspace_id", "flow_id", "id");`);
    this.addSql(`create index "universal_webhook_flow_execution_workspace_id_status_id_index" on "universal_webhook_flow_execution" ("workspace_id", "status", "id");`);
    this.addSql(`create index "universal_webhook_flow_execution_log_id_index" on "universal_webhook_flow_execution" ("log_id");`);

    this.addSql(`create table "universal_webhook_flow_version" ("id" varchar(36) not null, "workspace_id" varchar(64) not null, "flow_id" varchar(36) not null, "version" int not null, "definition" jsonb not null, "trigger_keys" jsonb not null, "created_by" varchar(64) null, "created_at" bigint not null, constraint "universal_webhook_flow_version_pkey" primary key ("id"));`);
    this.addSql(`create index "universal_webhook_flow_version_workspace_id_index" on "universal_webhook_flow_version" ("workspace_id");`);
    this.addSql(`alter table "universal_webhook_flow_version" add constraint "universal_webhook_flow_version_flow_id_version_unique" unique ("flow_id", "version");`);

    this.addSql(`create table "universal_webhook_installation" ("id" varchar(36) not null, "workspace_id" varchar(64) not null, "addon_id" varchar(64) not null, "status" varchar(16) not null, "token_cipher" text null, "api_url" varchar(512) not null, "reports_url" varchar(512) not null, "owner_user_id" varchar(64) null, "settings" jsonb not null, "installed_at" bigint not null, "updated_at" bigint not null, "uninstalled_at" bigint null, constraint "universal_webhook_installation_pkey" primary key ("id"));`);
    this.addSql(`alter table "universal_webhook_installation" add constraint "universal_webhook_installation_workspace_id_unique" unique ("workspace_id");`);

    this.addSql(`create table "universal_webhook_job_lock" ("name" varchar(64) not null, "owner" varchar(64) null, "locked_until" bigint not null, "last_run_at" bigint null, constraint "universal_webhook_job_lock_pkey" primary key ("name"));`);

    this.addSql(`create table "universal_webhook_rate_window" ("bucket" varchar(96) not null, "second" bigint not null, "count" int not null, constraint "universal_webhook_rate_window_pkey" primary key ("bucket", "second"));`);

    this.addSql(`create table "universal_webhook_service_key" ("id" varchar(36) not null, "workspace_id" varchar(64) not null, "name" varchar(128) not null, "key_hash" varchar(64) not null, "prefix" varchar(16) not null, "created_by" varchar(64) null, "created_at" bigint not null, "last_used_at" bigint null, "revoked_at" bigint null, constraint "universal_webhook_service_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "universal_webhook_service_key" add constraint "universal_webhook_service_key_key_hash_unique" unique ("key_hash");`);
    this.addSql(`create index "universal_webhook_service_key_workspace_id_index" on "universal_webhook_service_key" ("workspace_id");`);

    this.addSql(`create table "universal_webhook_log" ("id" varchar(36) not null, "workspace_id" varchar(64) not null, "source" varchar(16) not null, "source_id" varchar(64) null, "event_type" varchar(128) not null, "payload" jsonb null, "headers" jsonb not null, "received_at" bigint not null, "signature" varchar(16) not null, "dedup_key" varchar(128) null, "outcome" varchar(16) not null, "reason" varchar(256) null, "flow_ids" jsonb not null, "redacted" jsonb not null, "size_bytes" int not null, constraint "universal_webhook_log_pkey" primary key ("id"));`);
    this.addSql(`create index "universal_webhook_log_workspace_id_id_index" on "universal_webhook_log" ("workspace_id", "id");`);
    this.addSql(`create index "universal_webhook_log_workspace_id_event_type_id_index" on "universal_webhook_log" ("workspace_id", "event_type", "id");`);
    this.addSql(`create index "universal_webhook_log_workspace_id_outcome_id_index" on "universal_webhook_log" ("workspace_id", "outcome", "id");`);
    this.addSql(`create index "universal_webhook_log_received_at_index" on "universal_webhook_log" ("received_at");`);

    this.addSql(`create table "universal_webhook_subscription" ("id" varchar(36) not null, "workspace_id" varchar(64) not null, "event_type" varchar(64) not null, "origin" varchar(16) not null, "clockify_webhook_id" varchar(64) null, "token_hash" varchar(64) not null, "token_cipher" text not null, "path" varchar(256) not null, "created_at" bigint not null, constraint "universal_webhook_subscription_pkey" primary key ("id"));`);
    this.addSql(`create index "universal_webhook_subscription_workspace_id_event_type_index" on "universal_webhook_subscription" ("workspace_id", "event_type");`);
    this.addSql(`alter table "universal_webhook_subscription" add constraint "universal_webhook_subscription_workspace_id_token_hash_unique" unique ("workspace_id", "token_hash");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "universal_webhook_bootstrap_state" cascade;`);

    this.addSql(`drop table if exists "universal_webhook_custom_source" cascade;`);

    this.addSql(`drop table if exists "universal_webhook_dedup" cascade;`);

    this.addSql(`drop table if exists "universal_webhook_entity_cache" cascade;`);

    this.addSql(`drop table if exists "universal_webhook_execution_step" cascade;`);

    this.addSql(`drop table if exists "universal_webhook_explorer_history" cascade;`);

    this.addSql(`drop table if exists "universal_webhook_flow" cascade;`);

    this.addSql(`drop table if exists "universal_webhook_flow_execution" cascade;`);

    this.addSql(`drop table if exists "universal_webhook_flow_version" cascade;`);

    this.addSql(`drop table if exists "universal_webhook_installation" cascade;`);

    this.addSql(`drop table if exists "universal_webhook_job_lock" cascade;`);

    this.addSql(`drop table if exists "universal_webhook_rate_window" cascade;`);

    this.addSql(`drop table if exists "universal_webhook_service_key" cascade;`);

    this.addSql(`drop table if exists "universal_webhook_log" cascade;`);

    this.addSql(`drop table if exists "universal_webhook_subscription" cascade;`);
  }

}
