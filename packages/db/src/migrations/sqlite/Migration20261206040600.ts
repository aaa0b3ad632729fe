import { Migration } from '@mikro-orm/migrations';

/** The shared rate limiter leases blocks of slots: each take reads back how many it was granted. */
export class Migration20261206040600 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`universal_webhook_rate_window\` add column \`granted\` integer not null default 0;`);
  }

}
