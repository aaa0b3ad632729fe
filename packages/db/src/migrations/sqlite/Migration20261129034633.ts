import { Migration } from '@mikro-orm/migrations';

export class Migration20261129034633 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`universal_webhook_bootstrap_state\` (\`id\` text not null, \`workspace_id\` text not null, \`status\` text not null, \`plan\` json not null, \`ops_done\` integer not null, \`ops_total\` integer not null, \`pages\` integer not null, \`entities\` integer not null, \`errors\` json not null, \`cursor\` json not null, \`lease_owner\` text null, \`lease_until\` bigint null, \`started_at\` bigint null, \`finished_at\` bigint null, \`eta_at\` bigint null, \`updated_at\` bigint not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`universal_webhook_bootstrap_state_workspace_id_unique\` on \`universal_webhook_bootstrap_state\` (\`workspace_id\`);`);

    this.addSql(`create table \`universal_webhook_custom_source\` (\`id\` text not null, \`workspace_id\` text not null, \`public_id\` text not null, \`name\` text not null, \`verification\` json not null, \`secret_ciphers\` json not null, \`id_header\` text null, \`event_type_header\` text null, \`rate_per_minute\` integer not null, \`enabled\` integer not null, \`created_at\` bigint not null, \`updated_at\` bigint not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`universal_webhook_custom_source_public_id_unique\` on \`universal_webhook_custom_source\` (\`public_id\`);`);
    this.addSql(`create index \`universal_webhook_custom_source_workspace_id_index\` on \`universal_webhook_custom_source\` (\`workspace_id\`);`);

    this.addSql(`create table \`universal_webhook_dedup\` (\`id\` text not null, \`workspace_id\` text not null, \`dedup_key\` text not null, \`log_id\` text not null, \`expires_at\` bigint not null, primary key (\`id\`));`);
    this.addSql(`create index \`universal_webhook_dedup_expires_at_index\` on \`universal_webhook_dedup\` (\`expires_at\`);`);
    this.addSql(`create unique index \`universal_webhook_dedup_workspace_id_dedup_key_unique\` on \`universal_webhook_dedup\` (\`workspace_id\`, \`dedup_key\`);`);

    this.addSql(`create table \`universal_webhook_entity_cache\` (\`id\` text not null, \`workspace_id\` text not null, \`entity_type\` text not null, \`entity_id\` text not null, \`name\` text null, \`data\` json not null, \`fetched_at\` bigint not null, \`expires_at\` bigint not null, primary key (\`id\`));`);
    this.addSql(`create index \`universal_webhook_entity_cache_workspace_id_entity_type_name_index\` on \`universal_webhook_entity_cache\` (\`workspace_id\`, \`entity_type\`, \`name\`);`);
    this.addSql(`create index \`universal_webhook_entity_cache_expires_at_index\` on \`universal_webhook_entity_cache\` (\`expires_at\`);`);
    this.addSql(`create unique index \`universal_webhook_entity_cache_workspace_id_entity_type_entity_id_unique\` on \`universal_webhook_entity_cache\` (\`workspace_id\`, \`entity_type\`, \`entity_id\`);`);

    this.addSql(`create table \`universal_webhook_execution_step\` (\`id\` text not null, \`workspace_id\` text not null, \`execution_id\` text not null, \`seq\` integer not null, \`node_id\` text null, \`kind\` text not null, \`status\` text not null, \`attempt\` integer not null, \`request\` json null, \`response\` json null, \`error\` json null, \`idempotency_key\` text null, \`latency_ms\` integer null, \`created_at\` bigint not null, primary key (\`id\`));`);
    this.addSql(`create index \`universal_webhook_execution_step_execution_id_seq_index\` on \`universal_webhook_execution_step\` (\`execution_id\`, \`seq\`);`);
    this.addSql(`create index \`universal_webhook_execution_step_workspace_id_index\` on \`universal_webhook_execution_step\` (\`workspace_id\`);`);

    this.addSql(`create table \`universal_webhook_explorer_history\` (\`id\` text not null, \`workspace_id\` text not null, \`user_id\` text not null, \`operation_id\` text not null, \`method\` text not null, \`url\` text not null, \`request\` json not null, \`status\` integer not null, \`latency_ms\` integer not null, \`response\` json null, \`created_at\` bigint not null, primary key (\`id\`));`);
    this.addSql(`create index \`universal_webhook_explorer_history_workspace_id_user_id_id_index\` on \`universal_webhook_explorer_history\` (\`workspace_id\`, \`user_id\`, \`id\`);`);

    this.addSql(`create table \`universal_webhook_flow\` (\`id\` text not null, \`workspace_id\` text not null, \`name\` text not null, \`description\` text null, \`enabled\` integer not null, \`current_version_id\` text not null, \`current_version\` integer not null, \`last_run_status\` text null, \`last_run_at\` bigint null, \`created_at\` bigint not null, \`updated_at\` bigint not null, \`deleted_at\` bigint null, primary key (\`id\`));`);
    this.addSql(`create index \`universal_webhook_flow_workspace_id_enabled_index\` on \`universal_webhook_flow\` (\`workspace_id\`, \`enabled\`);`);

    this.addSql(`create table \`universal_webhook_flow_execution\` (\`id\` text not null, \`workspace_id\` text not null, \`flow_id\` text not null, \`flow_version_id\` text not null, \`log_id\` text null, \`status\` text not null, \`attempts\` integer not null, \`run_after\` bigint not null, \`lease_owner\` text null, \`lease_until\` bigint null, \`lease_token\` integer not null, \`trigger\` json not null, \`error\` json null, \`retry_of\` text null, \`created_at\` bigint not null, \`started_at\` bigint null, \`finished_at\` bigint null, primary key (\`id\`));`);
    this.addSql(`create index \`universal_webhook_flow_execution_status_run_after_index\` on \`universal_webhook_flow_execution\` (\`status\`, \`run_after\`);`);
    this.addSql(`create index \`universal_webhook_flow_execution_workspace_id_flow_id_id_index\` on \`universal_webhook_flow_execution\` (\`workspace_id\`, \`flow_id\`, \`id\`);`);
    this.addSql(`create index \`universal_webhook_flow_execution_workspace_id_status_id_index\` on \`universal_webhook_flow_execution\` (\`workspace_id\`, \`status\`, \`id\`);`);
    this.addSql(`create index \`universal_webhook_flow_execution_log_id_index\` on \`universal_webhook_flow_execution\` (\`log_id\`);`);

    this.addSql(`create table \`universal_webhook_flow_version\` (\`id\` text not null, \`workspace_id\` text not null, \`flow_id\` text not null, \`version\` integer not null, \`definition\` json not null, \`trigger_keys\` json not null, \`created_by\` text null, \`created_at\` bigint not null, primary key (\`id\`));`);
    this.addSql(`create index \`universal_webhook_flow_version_workspace_id_index\` on \`universal_webhook_flow_version\` (\`workspace_id\`);`);
    this.addSql(`create unique index \`universal_webhook_flow_version_flow_id_version_unique\` on \`universal_webhook_flow_version\` (\`flow_id\`, \`version\`);`);

    this.addSql(`create table \`universal_webhook_installation\` (\`id\` text not null, \`workspace_id\` text not null, \`addon_id\` text not null, \`status\` text not null, \`token_cipher\` text null, \`api_url\` text not null, \`reports_url\` text not null, \`owner_user_id\` text null, \`settings\` json not null, \`installed_at\` bigint not null, \`updated_at\` bigint not null, \`uninstalled_at\` bigint null, primary key (\`id\`));`);
    this.addSql(`create unique index \`universal_webhook_installation_workspace_id_unique\` on \`universal_webhook_installation\` (\`workspace_id\`);`);

    this.addSql(`create table \`universal_webhook_job_lock\` (\`name\` text not null, \`owner\` text null, \`locked_until\` bigint not null, \`last_run_at\` bigint null, primary key (\`name\`));`);

    this.addSql(`create table \`universal_webhook_rate_window\` (\`bucket\` text not null, \`second\` bigint not null, \`count\` integer not null, primary key (\`bucket\`, \`second\`));`);

    this.addSql(`create table \`universal_webhook_service_key\` (\`id\` text not null, \`workspace_id\` text not null, \`name\` text not null, \`key_hash\` text not null, \`prefix\` text not null, \`created_by\` text null, \`created_at\` bigint not null, \`last_used_at\` bigint null, \`revoked_at\` bigint null, primary key (\`id\`));`);
    this.addSql(`create unique index \`universal_webhook_service_key_key_hash_unique\` on \`universal_webhook_service_key\` (\`key_hash\`);`);
    this.addSql(`create index \`universal_webhook_service_key_workspace_id_index\` on \`universal_webhook_service_key\` (\`workspace_id\`);`);

    this.addSql(`create table \`universal_webhook_log\` (\`id\` text not null, \`workspace_id\` text not null, \`source\` text not null, \`source_id\` text null, \`event_type\` text not null, \`payload\` json null, \`headers\` json not null, \`received_at\` bigint not null, \`signature\` text not null, \`dedup_key\` text null, \`outcome\` text not null, \`reason\` text null, \`flow_ids\` json not null, \`redacted\` json not null, \`size_bytes\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`universal_webhook_log_workspace_id_id_index\` on \`universal_webhook_log\` (\`workspace_id\`, \`id\`);`);
    this.addSql(`create index \`universal_webhook_log_workspace_id_event_type_id_index\` on \`universal_webhook_log\` (\`workspace_id\`, \`event_type\`, \`id\`);`);
    this.addSql(`create index \`universal_webhook_log_workspace_id_outcome_id_index\` on \`universal_webhook_log\` (\`workspace_id\`, \`outcome\`, \`id\`);`);
    this.addSql(`create index \`universal_webhook_log_received_at_index\` on \`universal_webhook_log\` (\`received_at\`);`);

    this.addSql(`create table \`universal_webhook_subscription\` (\`id\` text not null, \`workspace_id\` text not null, \`event_type\` text not null, \`origin\` text not null, \`clockify_webhook_id\` text null, \`token_hash\` text not null, \`token_cipher\` text not null, \`path\` text not null, \`created_at\` bigint not null, primary key (\`id\`));`);
    this.addSql(`create index \`universal_webhook_subscription_workspace_id_event_type_index\` on \`universal_webhook_subscription\` (\`workspace_id\`, \`event_type\`);`);
    this.addSql(`create unique index \`universal_webhook_subscription_workspace_id_token_hash_unique\` on \`universal_webhook_subscription\` (\`workspace_id\`, \`token_hash\`);`);
  }

}
