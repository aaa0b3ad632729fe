import { APPROVE_SHORT_TIME_OFF } from './approve-short-time-off';
import { CREATE_PROJECT_FROM_CUSTOM_WEBHOOK } from './create-project-from-custom-webhook';
import type { TFlowTemplate } from './flow-template';
import { FORWARD_EVENTS_TO_HTTP } from './forward-events-to-http';
import { NOTIFY_EXECUTION_FAILED } from './notify-execution-failed';
import { ROUTE_TIME_OFF_REQUESTS } from './route-time-off-requests';
import { TAG_TIME_ENTRIES_WITHOUT_PROJECT } from './tag-time-entries-without-project';
import { WEEKLY_UNDER_40_HOURS } from './weekly-under-40-hours';

/** Every template, in the order the editor lists them. */
export const FLOW_TEMPLATES: readonly TFlowTemplate[] = [
  TAG_TIME_ENTRIES_WITHOUT_PROJECT,
  FORWARD_EVENTS_TO_HTTP,
  CREATE_PROJECT_FROM_CUSTOM_WEBHOOK,
  APPROVE_SHORT_TIME_OFF,
  ROUTE_TIME_OFF_REQUESTS,
  WEEKLY_UNDER_40_HOURS,
  NOTIFY_EXECUTION_FAILED,
];

export function getFlowTemplate(id: string): TFlowTemplate | undefined {
  return FLOW_TEMPLATES.find((template) => template.id === id);
}
