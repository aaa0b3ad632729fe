import { Migration } from '@mikro-orm/migrations';

/**
 * Service keys get a scope, an optional expiry and the key that minted them. Keys made before scopes
 * existed could do everything a workspace admin can, so they become `admin` (nothing that works today
 * stops working); new keys default to the narrowest scope.
 */
export class Migration20261205235325 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "universal_webhook_service_key" add column "scope" varchar(16) not null default 'read', add column "parent_key_id" varchar(36) null, add column "expires_at" bigint null;`,
    );
    this.addSql(`update "universal_webhook_service_key" set "scope" = 'admin';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "universal_webhook_service_key" drop column "scope", drop column "parent_key_id", drop column "expires_at";`);
  }
}
