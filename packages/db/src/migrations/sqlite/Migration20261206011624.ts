import { Migration } from '@mikro-orm/migrations';

/**
 * Schedules fire once per tick: a row per (flow, tick time) inserted with its execution. Step keys of loops
 * (`node#3.0`) and their idempotency keys (`<execution id>:<step key>`) get room (PostgreSQL; SQLite text is unbounded).
 * Waiting executions need no schema change: status `waiting`, resume time in `run_after`.
 */
export class Migration20261206011624 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`universal_webhook_schedule_fire\` (\`flow_id\` text not null, \`tick_at\` bigint not null, \`workspace_id\` text not null, \`execution_id\` text not null, \`fired_at\` bigint not null, primary key (\`flow_id\`, \`tick_at\`));`);
    this.addSql(`create index \`universal_webhook_schedule_fire_workspace_id_index\` on \`universal_webhook_schedule_fire\` (\`workspace_id\`);`);
  }

}
