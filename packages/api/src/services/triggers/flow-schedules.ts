import { scheduleFireQueries } from '@uw/db';
import { isValidTimeZone, parseCron, type TFlowDefinition } from '@uw/flow-engine';

import type { TRuntime } from '../../runtime';
import { SCHEDULE_KEY, type TFlowMatch } from '../ingest/flow-index';
import { createTicker } from '../jobs/ticker';
import { effectiveSettings } from '../settings/effective-settings';
import { latestTickBetween } from './latest-tick';
import { triggeredExecutionRow } from './queue-triggered';

/** The time zone of a schedule without one: the installation does not know the workspace's, so UTC. */
export const DEFAULT_SCHEDULE_TIMEZONE = 'UTC';

export type TFlowSchedulerOptions = { tickMs?: number; now?: () => number };
export type TFlowScheduler = { start(): void; stop(): Promise<void>; tick(): Promise<number> };

type TSchedule = { cron: string; timezone: string };

function scheduleOf(definition: TFlowDefinition | null): TSchedule | null {
  const trigger = definition?.nodes.find((n) => n.kind === 'trigger');
  if (trigger?.kind !== 'trigger' || trigger.data.source !== 'schedule' || !trigger.data.cron) return null;

  return { cron: trigger.data.cron, timezone: trigger.data.timezone ?? DEFAULT_SCHEDULE_TIMEZONE };
}

/**
 * Fires `schedule` flows (worker role). Every `tickMs` each enabled schedule flow of an active workspace
 * with flows on is checked for its latest tick since its last fire (or its last change): that tick is
 * fired by inserting its (flow, tick) row together with a queued execution whose payload is
 * `{ scheduledAt, firedAt }`. The row's key makes the tick fire once across all processes; ticks missed
 * while everything was down collapse into one fire, of the latest.
 */
export function createFlowScheduler(runtime: TRuntime, opts: TFlowSchedulerOptions = {}): TFlowScheduler {
  const { deps } = runtime;
  const clock = opts.now ?? Date.now;
  const warned = new Set<string>();

  const warnOnce = (flowId: string, message: string) => {
    if (warned.has(flowId + message)) return;
    warned.add(flowId + message);
    deps.logger.warn({ flowId }, message);
  };

  async function fireWorkspace(workspaceId: string, flows: TFlowMatch[], now: number): Promise<number> {
    const installation = await runtime.installations.get(workspaceId);
    if (installation?.status !== 'ACTIVE') return 0;
    if (!effectiveSettings(deps.config.settingsDefaults, installation.settings ?? {}).enable_flows) return 0;
    const anchors = await scheduleFireQueries.listScheduleAnchors(
      deps.db,
      workspaceId,
      flows.map((f) => f.flowId),
    );
    let fired = 0;
    for (const anchor of anchors) {
      const match = flows.find((f) => f.flowId === anchor.flowId)!;
      const schedule = scheduleOf(await runtime.executionCaches.definition(workspaceId, match.versionId));
      const parsed = schedule ? parseCron(schedule.cron) : null;
      if (!schedule || !parsed?.ok || !isValidTimeZone(schedule.timezone)) {
        warnOnce(match.flowId, 'schedule flow skipped: its cron or time zone is not valid');
        continue;
      }
      const from = Math.max(anchor.updatedAt, anchor.lastTickAt ?? Number.NEGATIVE_INFINITY);
      const tick = latestTickBetween(parsed.cron, schedule.timezone, { from, now });
      if (tick === null) continue;
      const payload = { scheduledAt: new Date(tick).toISOString(), firedAt: new Date(now).toISOString() };
      const execution = triggeredExecutionRow(workspaceId, match, { event: { source: 'schedule', type: 'schedule' }, payload, now });
      const won = await scheduleFireQueries.fireScheduleTick(deps.db, {
        fire: { flow_id: match.flowId, tick_at: tick, workspace_id: workspaceId, execution_id: execution.id, fired_at: now },
        execution,
      });
      if (won) fired++;
    }

    return fired;
  }

  async function tick(): Promise<number> {
    const now = clock();
    const byWorkspace = new Map<string, TFlowMatch[]>();
    for (const { workspaceId, ...match } of runtime.flowIndex.matchAll(SCHEDULE_KEY)) {
      byWorkspace.set(workspaceId, [...(byWorkspace.get(workspaceId) ?? []), match]);
    }
    let fired = 0;
    for (const [workspaceId, flows] of byWorkspace) {
      try {
        fired += await fireWorkspace(workspaceId, flows, now);
      } catch (err) {
        deps.logger.warn({ workspaceId, err }, 'firing schedules failed; retried next tick');
      }
    }
    if (fired > 0) {
      deps.logger.info({ fired }, 'schedules fired');
      runtime.nudge.notify();
    }

    return fired;
  }

  const onError = (err: unknown) => deps.logger.warn({ err }, 'schedule tick failed');

  return { ...createTicker(tick, opts.tickMs ?? 5_000, onError), tick };
}
