import { column, type TFlowTemplate } from './flow-template';

/** Chosen Clockify events → one POST each to an endpoint of the user's (edit the URL and the events). */
export const FORWARD_EVENTS_TO_HTTP: TFlowTemplate = {
  id: 'forward-events-to-http',
  name: 'Forward events to an HTTP endpoint',
  description: 'Sends each chosen Clockify event as JSON to your endpoint. Edit the events and the URL.',
  definition: {
    nodes: [
      {
        id: 'trigger',
        kind: 'trigger',
        label: 'Time entry events',
        position: column(0),
        data: { source: 'clockify', events: ['NEW_TIME_ENTRY', 'TIME_ENTRY_UPDATED', 'TIME_ENTRY_DELETED'] },
      },
      {
        id: 'forward',
        kind: 'http',
        label: 'POST to my endpoint',
        position: column(1),
        data: {
          method: 'POST',
          url: '"https://example.com/clockify-events"',
          headers: { 'Content-Type': '"application/json"', 'X-Clockify-Event': 'event.type', 'X-Event-Id': 'event.id' },
          body: '{ "id": event.id, "type": event.type, "receivedAt": event.receivedAt, "workspaceId": workspace.id, "data": payload }',
        },
      },
    ],
    edges: [{ id: 'e1', source: 'trigger', target: 'forward' }],
  },
};
