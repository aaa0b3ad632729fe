import { Migration } from '@mikro-orm/migrations';

/**
 * Schedules fire once per tick: a row per (flow, tick time) inserted with its execution. Step keys of loops
 * (`node#3.0`) and their idempotency keys (`<execution id>:<step key>`) get room (PostgreSQL; SQLite text is unbounded).
 * Waiting executions need no schema change: status `waiting`, resume time in `run_after`.
 */
export class Migration20261206011624 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "universal_webhook_schedule_fire" ("flow_id" varchar(36) not null, "tick_at" bigint not null, "workspace_id" varchar(64) not null, "execution_id" varchar(36) not null, "fired_at" bigint not null, constraint "universal_webhook_schedule_fire_pkey" primary key ("flow_id", "tick_at"));`);
    this.addSql(`create index "universal_webhook_schedule_fire_workspace_id_index" on "universal_webhook_schedule_fire" ("workspace_id");`);

    this.addSql(`alter table "universal_webhook_execution_step" alter column "node_id" type varchar(200) using ("node_id"::varchar(200));`);
    this.addSql(`alter table "universal_webhook_execution_step" alter column "idempotency_key" type varchar(255) using ("idempotency_key"::varchar(255));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "universal_webhook_schedule_fire" cascade;`);

    this.addSql(`alter table "universal_webhook_execution_step" alter column "node_id" type varchar(64) using ("node_id"::varchar(64));`);
    this.addSql(`alter table "universal_webhook_execution_step" alter column "idempotency_key" type varchar(128) using ("idempotency_key"::varchar(128));`);
  }

}
