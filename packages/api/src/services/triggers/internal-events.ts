import { flowRunQueries, installationQueries } from '@uw/db';
import type { TInternalEvent } from '@uw/flow-engine';

import type { TApiDeps } from '../../deps';
import { triggerKeyOf } from '../ingest/flow-index';
import { effectiveSettings } from '../settings/effective-settings';
import { queueTriggered } from './queue-triggered';

const parseKeys = (v: unknown): string[] => ((typeof v === 'string' ? JSON.parse(v) : v) as string[] | null) ?? [];

/**
 * The add-on's own events (`internal` triggers): queues an execution of every enabled flow of the workspace
 * whose trigger lists `event`, with `payload` as its payload, unless flows are off for the workspace or it is
 * not active. Reads the database (these events are rare), so it works in every role. `exceptFlowId` is left
 * out (a failure notification never notifies about itself). Never throws: a failure is logged.
 */
export async function emitInternalEvent(
  deps: TApiDeps,
  workspaceId: string,
  args: { event: TInternalEvent; payload: Record<string, unknown>; exceptFlowId?: string },
): Promise<string[]> {
  try {
    const installation = await installationQueries.findInstallation(deps.db, workspaceId);
    if (installation?.status !== 'ACTIVE') return [];
    if (!effectiveSettings(deps.config.settingsDefaults, installation.settings ?? {}).enable_flows) return [];
    const key = triggerKeyOf('internal', args.event);
    const rows = await flowRunQueries.listEnabledFlowTriggers(deps.db, { workspaceId });
    const matches = rows
      .filter((r) => r.flow_id !== args.exceptFlowId && parseKeys(r.trigger_keys).includes(key))
      .map((r) => ({ flowId: r.flow_id, versionId: r.version_id }));
    if (matches.length === 0) return [];
    const ids = await queueTriggered(deps.db, workspaceId, {
      matches,
      event: { source: 'internal', type: args.event },
      payload: { event: args.event, at: new Date().toISOString(), ...args.payload },
    });
    deps.logger.info({ workspaceId, event: args.event, executions: ids.length }, 'internal event queued flows');

    return ids;
  } catch (err) {
    deps.logger.warn({ workspaceId, event: args.event, err }, 'internal event could not queue its flows');

    return [];
  }
}
