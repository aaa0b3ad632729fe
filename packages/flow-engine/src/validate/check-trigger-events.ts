import type { TFlowDefinition } from '../model/flow-definition-schema';
import type { TFlowIssue } from './flow-issue';

/** Clockify triggers may only subscribe to known event names (the caller passes the catalogue's list). */
export function checkTriggerEvents(definition: TFlowDefinition, eventTypes: readonly string[]): TFlowIssue[] {
  const known = new Set(eventTypes);
  const issues: TFlowIssue[] = [];
  for (const node of definition.nodes) {
    if (node.kind !== 'trigger' || node.data.source !== 'clockify') {
      continue;
    }
    node.data.events.forEach((event, index) => {
      if (!known.has(event)) {
        issues.push({
          code: 'UNKNOWN_EVENT',
          severity: 'error',
          nodeId: node.id,
          field: `data.events.${index}`,
          message: `unknown Clockify event "${event}"`,
        });
      }
    });
  }

  return issues;
}
