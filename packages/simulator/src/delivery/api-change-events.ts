import { namedView, projectView, taskView, timeEntryView } from '../bodies/views';
import type { TClient, TProject, TTag, TTask, TTimeEntry } from '../state/types';
import type { TWorkspaceData } from '../state/workspace-data';

export type TApiChange = { operationId: string; ws: TWorkspaceData; params: Record<string, string>; result: unknown };
export type TChangeEvent = { eventType: string; body: unknown };

type TRule = (c: TApiChange) => TChangeEvent | undefined;

const project =
  (eventType: string): TRule =>
  (c) => ({ eventType, body: projectView(c.ws, c.result as TProject) });
const task =
  (eventType: string): TRule =>
  (c) => ({ eventType, body: taskView(c.result as TTask) });
const named =
  (eventType: string): TRule =>
  (c) => ({ eventType, body: namedView(c.result as TClient | TTag) });
const entry =
  (eventType: string): TRule =>
  (c) => ({ eventType, body: timeEntryView(c.ws, c.result as TTimeEntry) });
const created: TRule = (c) => entry((c.result as TTimeEntry).timeInterval.end === null ? 'NEW_TIMER_STARTED' : 'NEW_TIME_ENTRY')(c);

/** Which webhook Clockify sends after a successful API call, and its body (webhook shape, from the stored entity). */
const RULES: Record<string, TRule> = {
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

export const eventForApiChange = (change: TApiChange): TChangeEvent | undefined => RULES[change.operationId]?.(change);
