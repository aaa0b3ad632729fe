import type { TRouterInputs } from '@uw/client';

/** What `flows.create` takes: the same type the server checks, so a wrong field fails at compile time. */
export type TNewFlow = TRouterInputs['flows']['create'];

/**
 * New client → a tag named after it. Created disabled: review it in the app (Flows) and enable it there.
 * Expressions are JSONata over the webhook (`payload`) and earlier steps (`steps.<id>`).
 */
export const TAG_NEW_CLIENTS: TNewFlow = {
  name: 'Tag every new client',
  description: 'Created by the consumer-service example',
  enabled: false,
  definition: {
    nodes: [
      { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_CLIENT'] } },
      { id: 'named', kind: 'condition', position: { x: 240, y: 0 }, data: { expression: '$length(payload.name) > 0' } },
      {
        id: 'tag',
        kind: 'clockify',
        position: { x: 480, y: 0 },
        data: { operationId: 'createNewTag', path: {}, query: {}, body: '{ "name": "client: " & payload.name }' },
      },
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'named' },
      { id: 'e2', source: 'named', target: 'tag' },
    ],
  },
};
