import type { TFlowNodeKind } from '@uw/flow-engine';

/** What each node kind is called in the editor (canvas titles, the side panel, accessible names). */
export const KIND_NAMES: Record<TFlowNodeKind, string> = {
  trigger: 'Trigger',
  condition: 'Condition',
  switch: 'Switch',
  forEach: 'For each',
  set: 'Set values',
  wait: 'Wait',
  clockify: 'Clockify action',
  http: 'HTTP action',
};
