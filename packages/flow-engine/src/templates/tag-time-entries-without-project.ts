import { column, type TFlowTemplate } from './flow-template';

const UPDATE_BODY = `(
  $tagId := $exists(steps.create_tag) ? steps.create_tag.body.id : steps.find_tag.body[0].id;
  {
    "start": payload.timeInterval.start,
    "end": payload.timeInterval.end,
    "billable": payload.billable,
    "description": payload.description,
    "taskId": payload.taskId,
    "tagIds": $distinct([payload.tagIds, $tagId])
  }
)`;

/**
 * NEW_TIME_ENTRY without a project → find the tag "No project" → missing: create it → add it to the
 * entry; there: add it straight away. `tag_entry` has two incoming edges (after `create_tag`, and the
 * "false" edge of `tag_missing`); exactly one is live, and it runs once. updateTimeEntry is a PUT that replaces the entry, so the body copies the entry's own fields.
 */
export const TAG_TIME_ENTRIES_WITHOUT_PROJECT: TFlowTemplate = {
  id: 'tag-time-entries-without-project',
  name: 'Tag time entries that have no project',
  description: 'When a time entry is created without a project, adds the tag "No project" to it (creating the tag the first time).',
  definition: {
    nodes: [
      {
        id: 'trigger',
        kind: 'trigger',
        label: 'New time entry',
        position: column(0),
        data: { source: 'clockify', events: ['NEW_TIME_ENTRY'] },
      },
      {
        id: 'no_project',
        kind: 'condition',
        label: 'Has no project',
        position: column(1),
        data: { expression: '$not($exists(payload.projectId)) or payload.projectId = null or payload.projectId = ""' },
      },
      {
        id: 'find_tag',
        kind: 'clockify',
        label: 'Find the tag',
        position: column(2),
        data: { operationId: 'getTags', path: {}, query: { name: '"No project"', 'strict-name-search': '"true"' } },
      },
      {
        id: 'tag_missing',
        kind: 'condition',
        label: 'Tag does not exist yet',
        position: column(3, 200),
        data: { expression: '$count(steps.find_tag.body) = 0' },
      },
      {
        id: 'create_tag',
        kind: 'clockify',
        label: 'Create the tag',
        position: column(4, 200),
        data: { operationId: 'createNewTag', path: {}, query: {}, body: '{ "name": "No project" }' },
      },
      {
        id: 'tag_entry',
        kind: 'clockify',
        label: 'Add the tag to the entry',
        position: column(5),
        data: { operationId: 'updateTimeEntry', path: { id: 'payload.id' }, query: {}, body: UPDATE_BODY },
      },
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'no_project' },
      { id: 'e2', source: 'no_project', target: 'find_tag' },
      { id: 'e3', source: 'find_tag', target: 'tag_missing' },
      { id: 'e4', source: 'tag_missing', target: 'create_tag', branch: 'true' },
      { id: 'e5', source: 'create_tag', target: 'tag_entry' },
      { id: 'e6', source: 'tag_missing', target: 'tag_entry', branch: 'false' },
    ],
  },
};
