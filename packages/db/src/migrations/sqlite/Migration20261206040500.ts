import { Migration } from '@mikro-orm/migrations';

/** The audit trail: one row per admin change (who, when, what, to which target). */
export class Migration20261206040500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`universal_webhook_audit\` (\`id\` text not null, \`workspace_id\` text not null, \`at\` bigint not null, \`actor_kind\` text not null, \`actor_id\` text null, \`action\` text not null, \`target_type\` text not null, \`target_id\` text null, \`summary\` text not null, \`details\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`universal_webhook_audit_workspace_id_id_index\` on \`universal_webhook_audit\` (\`workspace_id\`, \`id\`);`);
    this.addSql(`create index \`universal_webhook_audit_workspace_id_target_id_id_index\` on \`universal_webhook_audit\` (\`workspace_id\`, \`target_id\`, \`id\`);`);
    this.addSql(`create index \`universal_webhook_audit_at_index\` on \`universal_webhook_audit\` (\`at\`);`);
  }

}
