/** NEW_TIME_ENTRY → billable? → create a tag: a non-billable entry is stopped by the condition (filtered). */
export const BILLABLE_TAG = {
  nodes: [
    { id: 'trigger', kind: 'trigger', label: 'When', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_TIME_ENTRY'] } },
    { id: 'billable', kind: 'condition', label: 'Billable?', position: { x: 0, y: 140 }, data: { expression: 'payload.billable = true' } },
    {
      id: 'tag',
      kind: 'clockify',
      label: 'Tag it',
      position: { x: 0, y: 280 },
      data: { operationId: 'createNewTag', path: {}, query: {}, body: '{ "name": "billable " & payload.id }' },
    },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'billable' },
    { id: 'e2', source: 'billable', target: 'tag' },
  ],
};
