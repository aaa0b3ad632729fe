import { namedView, projectView, taskView, timeEntryView } from '../bodies/views';
import type { Client, Project, Tag, Task, TimeEntry } from '../state/types';
import type { WorkspaceData } from '../state/workspace-data';

export type ApiChange = { operationId: string; ws: WorkspaceData; params: Record<string, string>; result: unknown };
export type ChangeEvent = { eventType: string; body: unknown };

type Rule = (c: ApiChange) => ChangeEvent | undefined;

const project =
  (eventType: string): Rule =>
  (c) => ({ eventType, body: projectView(c.ws, c.result as Project) });
const task =
  (eventType: string): Rule =>
  (c) => ({ eventType, body: taskView(c.result as Task) });
const named =
  (eventType: string): Rule =>
  (c) => ({ eventType, body: namedView(c.result as Client | Tag) });
const entry =
  (eventType: string): Rule =>
  (c) => ({ eventType, body: timeEntryView(c.ws, c.result as TimeEntry) });
const created: Rule = (c) => entry((c.result as TimeEntry).timeInterval.end === null ? 'NEW_TIMER_STARTED' : 'NEW_TIME_ENTRY')(c);

/** Which webhook Clockify sends after a successful API call, and its body (webhook shape, from the stored entity). */
const RULES: Record<string, Rule> = {
  createNewProject: project('NEW_PROJECT'),
  updateProject: project('PROJECT_UPDATED'),
  deleteProject: project('PROJECT_DELETED'),
  createTask: task('NEW_TASK'),
  updateTask: task('TASK_UPDATED'),
  deleteTask: task('TASK_DELETED'),
  createClient: named('NEW_CLIENT'),
  updateClient: named('CLIENT_UPDATED'),
  deleteClient: named('CLIENT_DELETED'),
  createNewTag: named('NEW_TAG'),
  updateTag: named('TAG_UPDATED'),
  deleteTag: named('TAG_DELETED'),
  createTimeEntry: created,
  createForOthers: created,
  updateTimeEntry: entry('TIME_ENTRY_UPDATED'),
  stopRunningTimeEntry: entry('TIMER_STOPPED'),
  deleteTimeEntry: (c) => {
    const gone = c.ws.deletedTimeEntries.find((e) => e.id === c.params.id);

    return gone ? { eventType: 'TIME_ENTRY_DELETED', body: timeEntryView(c.ws, gone) } : undefined;
  },
  changeTimeOffRequestStatus: (c) => {
    const request = c.ws.timeOffRequests.find((r) => r.id === c.params.requestId);
    const status = request?.status.statusType;

    return request
      ? { eventType: status === 'REJECTED' ? 'TIME_OFF_REQUEST_REJECTED' : 'TIME_OFF_REQUEST_APPROVED', body: { ...request } }
      : undefined;
  },
};

export const eventForApiChange = (change: ApiChange): ChangeEvent | undefined => RULES[change.operationId]?.(change);
