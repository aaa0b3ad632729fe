/**
 * Entities as the simulator stores them: already in the shape Clockify's API returns (the OpenAPI *DtoV1
 * schemas), so handlers mostly filter, page and copy. Webhook bodies are derived from these (src/bodies).
 */
export type TRate = { amount: number; currency: string };
export type TMembership = {
  userId: string;
  targetId: string;
  membershipType: 'WORKSPACE' | 'PROJECT' | 'USERGROUP';
  membershipStatus: 'PENDING' | 'ACTIVE' | 'DECLINED' | 'INACTIVE';
  hourlyRate: TRate | null;
  costRate: TRate | null;
};
export type TUserSettings = Record<string, unknown> & { timeZone: string; weekStart: string; dateFormat: string; timeFormat: string };
export type TUser = {
  id: string;
  email: string;
  name: string;
  profilePicture: string;
  status: 'ACTIVE' | 'PENDING_EMAIL_VERIFICATION' | 'DELETED' | 'NOT_REGISTERED' | 'LIMITED' | 'LIMITED_DELETED';
  activeWorkspace: string;
  defaultWorkspace: string;
  memberships: TMembership[];
  settings: TUserSettings;
  customFields: unknown[];
};
export type TClient = {
  id: string;
  name: string;
  workspaceId: string;
  archived: boolean;
  address: string;
  email: string;
  note: string;
  ccEmails: string[];
  currencyId: string;
  currencyCode: string;
};
export type TTag = { id: string; name: string; workspaceId: string; archived: boolean };
export type TTask = {
  id: string;
  name: string;
  projectId: string;
  workspaceId: string;
  assigneeIds: string[];
  assigneeId: string;
  userGroupIds: string[];
  estimate: string;
  status: 'ACTIVE' | 'DONE';
  duration: string;
  billable: boolean;
  hourlyRate: TRate | null;
  costRate: TRate | null;
  budgetEstimate: number;
};
export type TProject = {
  id: string;
  name: string;
  workspaceId: string;
  clientId: string;
  clientName: string;
  billable: boolean;
  color: string;
  archived: boolean;
  duration: string;
  note: string;
  public: boolean;
  template: boolean;
  hourlyRate: TRate;
  costRate: TRate | null;
  estimate: { estimate: string; type: 'AUTO' | 'MANUAL' };
  memberships: TMembership[];
};
export type TTimeInterval = { start: string; end: string | null; duration: string | null };
export type TCustomFieldValue = { customFieldId: string; timeEntryId: string; value: string; name: string; type: string };
export type TTimeEntry = {
  id: string;
  description: string;
  tagIds: string[];
  userId: string;
  billable: boolean;
  taskId: string | null;
  projectId: string | null;
  timeInterval: TTimeInterval;
  workspaceId: string;
  isLocked: boolean;
  hourlyRate: TRate | null;
  costRate: TRate | null;
  customFieldValues: TCustomFieldValue[];
  type: 'REGULAR' | 'BREAK';
  kioskId: string | null;
};

export type * from './workflow-types';
