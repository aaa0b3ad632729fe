import { Migration } from '@mikro-orm/migrations';

/**
 * Cancel and per-flow limits. An execution records who asked to cancel it and when (a running one stops at its
 * next step boundary); a flow may cap its running executions and its starts per minute, the claim counting
 * starts in a per-flow window (`minute_started_at`, `minute_starts`).
 */
export class Migration20261206040300 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`universal_webhook_flow\` add column \`max_concurrent\` integer null;`);
    this.addSql(`alter table \`universal_webhook_flow\` add column \`max_per_minute\` integer null;`);
    this.addSql(`alter table \`universal_webhook_flow\` add column \`minute_started_at\` bigint null;`);
    this.addSql(`alter table \`universal_webhook_flow\` add column \`minute_starts\` integer null;`);
    this.addSql(`alter table \`universal_webhook_flow_execution\` add column \`cancel_requested_at\` bigint null;`);
    this.addSql(`alter table \`universal_webhook_flow_execution\` add column \`cancelled_by\` text null;`);
    this.addSql(`alter table \`universal_webhook_flow_execution\` add column \`cancel_reason\` text null;`);
  }

}
