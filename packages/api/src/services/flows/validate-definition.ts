import { EVENT_TYPES } from '@uw/clockify';
import { validateFlow, type TFlowDefinition } from '@uw/flow-engine';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';
import { SCHEDULE_KEY, triggerKeyOf } from '../ingest/flow-index';

/**
 * Validates against the live catalogue and, given them (`knownSecretNames`), the workspace's secret names
 * (`$secret` of an unknown name is an error); any error (not warning) refuses the save, each tied to its node.
 */
export function assertValidDefinition(deps: TApiDeps, definition: TFlowDefinition, secrets?: readonly string[]) {
  const catalogue = deps.catalogue.get();
  const eventTypes = EVENT_TYPES.map((e) => e.name);
  const issues = validateFlow(definition, { operations: catalogue?.operations, eventTypes, ...(secrets ? { secrets } : {}) });
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new UserError('VALIDATION_FAILED', `the flow has ${errors.length} problem(s): ${errors.map((e) => e.message).join('; ')}`, {
      issues: errors,
    });
  }
}

/**
 * The keys the match index files a flow under: `clockify:<EVENT>` or `internal:<EVENT>` per event,
 * `custom:<sourceId>`, or `schedule:cron` (the scheduler reads the cron from the definition). Manual flows have none.
 */
export function triggerKeysOf(definition: TFlowDefinition): string[] {
  const trigger = definition.nodes.find((n) => n.kind === 'trigger');
  if (!trigger || trigger.kind !== 'trigger') return [];
  const data = trigger.data;

  switch (data.source) {
    case 'clockify':
    case 'internal':
      return data.events.map((e: string) => triggerKeyOf(data.source, e));
    case 'custom':
      return [triggerKeyOf('custom', data.sourceId)];
    case 'schedule':
      return [SCHEDULE_KEY];
    case 'manual':
      return [];
  }
}
