import { Migration } from '@mikro-orm/migrations';

/** Workspace secrets for `$secret("name")` in action fields: the value only encrypted, one name per workspace. */
export class Migration20261206040200 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`universal_webhook_secret\` (\`id\` text not null, \`workspace_id\` text not null, \`name\` text not null, \`description\` text null, \`value_cipher\` text not null, \`created_at\` bigint not null, \`created_by\` text null, \`updated_at\` bigint not null, \`updated_by\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`universal_webhook_secret_workspace_id_name_unique\` on \`universal_webhook_secret\` (\`workspace_id\`, \`name\`);`);
  }

}
