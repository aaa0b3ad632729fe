import { Migration } from '@mikro-orm/migrations';

/** The log filtered by custom source (webhooks.list sourceId) reads an index instead of the workspace's whole log. */
export class Migration20261206040700 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "universal_webhook_log_workspace_id_source_id_id_index" on "universal_webhook_log" ("workspace_id", "source_id", "id");`);
  }

}
