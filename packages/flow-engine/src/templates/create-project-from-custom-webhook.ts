import { column, type TFlowTemplate } from './flow-template';

const PROJECT_BODY = `{
  "name": $substring($trim(payload.name), 0, 250),
  "color": $type(payload.color) = "string" and $contains(payload.color, /^#[0-9a-fA-F]{6}$/) ? payload.color : "#03A9F4",
  "billable": payload.billable = true,
  "isPublic": payload.isPublic = true,
  "clientId": $type(payload.clientId) = "string" ? payload.clientId
}`;

/** A custom webhook `{ name, color?, billable?, isPublic?, clientId? }` → a new Clockify project. */
export const CREATE_PROJECT_FROM_CUSTOM_WEBHOOK: TFlowTemplate = {
  id: 'create-project-from-custom-webhook',
  name: 'Create a project when a custom webhook arrives',
  description: 'Creates a Clockify project from a webhook body like {"name": "Website", "color": "#FF5722"}. Choose your webhook source.',
  definition: {
    nodes: [
      {
        id: 'trigger',
        kind: 'trigger',
        label: 'Custom webhook',
        position: column(0),
        data: { source: 'custom', sourceId: 'choose-a-source' },
      },
      {
        id: 'has_name',
        kind: 'condition',
        label: 'Body has a project name',
        position: column(1),
        data: { expression: '$type(payload.name) = "string" and $length($trim(payload.name)) >= 2' },
      },
      {
        id: 'create_project',
        kind: 'clockify',
        label: 'Create the project',
        position: column(2),
        data: { operationId: 'createNewProject', path: {}, query: {}, body: PROJECT_BODY },
      },
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'has_name' },
      { id: 'e2', source: 'has_name', target: 'create_project' },
    ],
  },
};
