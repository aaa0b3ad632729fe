import { CATALOG_BODIES } from './catalog-events';
import { EXPENSE_BODIES } from './expense-events';
import { TIME_ENTRY_BODIES } from './time-entry-events';
import { TIME_OFF_BODIES } from './time-off-events';
import type { TBodyBuilder, TBodyContext } from './types';
import { USER_BODIES } from './user-events';
import { WORKFLOW_BODIES } from './workflow-events';

export type { TBodyBuilder, TBodyContext } from './types';

/** One builder per webhook event type (51), keyed by event name. */
export const BODY_BUILDERS: Readonly<Record<string, TBodyBuilder>> = {
  ...TIME_ENTRY_BODIES,
  ...CATALOG_BODIES,
  ...USER_BODIES,
  ...EXPENSE_BODIES,
  ...TIME_OFF_BODIES,
  ...WORKFLOW_BODIES,
};

export function buildWebhookBody(eventType: string, c: TBodyContext): Record<string, unknown> {
  const build = BODY_BUILDERS[eventType];
  if (!build) {
    throw new Error(`no webhook body builder for event type ${eventType}`);
  }

  return build(c);
}
