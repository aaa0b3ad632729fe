import type { TApiDeps } from '../../deps';
import { getWebhook } from './list-webhooks';

/** New log entries of the workspace as they are committed, until `signal`. */
export async function* liveWebhooks(deps: TApiDeps, workspaceId: string, signal: AbortSignal | undefined) {
  for await (const event of deps.bus.subscribe(workspaceId, 'webhook.logged', signal)) {
    if (event.type !== 'webhook.logged') continue;
    const entry = await getWebhook(deps.db, workspaceId, event.logId);
    if (entry) yield entry;
  }
}
