import { Migration } from '@mikro-orm/migrations';

/**
 * Cancel and per-flow limits. An execution records who asked to cancel it and when (a running one stops at its
 * next step boundary); a flow may cap its running executions and its starts per minute, the claim counting
 * starts in a per-flow window (`minute_started_at`, `minute_starts`).
 */
export class Migration20261206040300 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "universal_webhook_flow" add column "max_concurrent" int null, add column "max_per_minute" int null, add column "minute_started_at" bigint null, add column "minute_starts" int null;`);
    this.addSql(`alter table "universal_webhook_flow_execution" add column "cancel_requested_at" bigint null, add column "cancelled_by" varchar(64) null, add column "cancel_reason" varchar(300) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "universal_webhook_flow" drop column "max_concurrent", drop column "max_per_minute", drop column "minute_started_at", drop column "minute_starts";`);
    this.addSql(`alter table "universal_webhook_flow_execution" drop column "cancel_requested_at", drop column "cancelled_by", drop column "cancel_reason";`);
  }

}
