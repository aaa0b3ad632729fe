import { column, type TFlowTemplate } from './flow-template';

/** EXECUTION_FAILED (a flow's execution failed after its last attempt) → one POST to an endpoint (edit the URL). */
export const NOTIFY_EXECUTION_FAILED: TFlowTemplate = {
  id: 'notify-execution-failed',
  name: 'Tell an endpoint when a flow fails',
  description:
    'When any flow’s execution fails after its last attempt, posts the flow, the execution and the error to your endpoint. Edit the URL.',
  definition: {
    nodes: [
      {
        id: 'trigger',
        kind: 'trigger',
        label: 'An execution failed',
        position: column(0),
        data: { source: 'internal', events: ['EXECUTION_FAILED'] },
      },
      {
        id: 'notify',
        kind: 'http',
        label: 'POST the failure',
        position: column(1),
        data: {
          method: 'POST',
          url: '"https://example.com/flow-failures"',
          headers: { 'Content-Type': '"application/json"' },
          body: '{ "event": event.type, "at": event.receivedAt, "workspaceId": workspace.id, "failure": payload }',
        },
      },
    ],
    edges: [{ id: 'e1', source: 'trigger', target: 'notify' }],
  },
};
