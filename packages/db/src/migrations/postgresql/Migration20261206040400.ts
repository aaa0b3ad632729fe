import { Migration } from '@mikro-orm/migrations';

/** Custom sources accept form-encoded, text and XML bodies: the text as received is kept beside its parsed view. */
export class Migration20261206040400 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "universal_webhook_log" add column "raw_body" text null;`);
  }

}
