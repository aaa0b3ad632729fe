/**
 * Entities as the simulator stores them: already in the shape Clockify's API returns (the OpenAPI *DtoV1
 * schemas), so handlers mostly filter, page and copy. Webhook bodies are derived from these (src/bodies).
 */
export type Rate = { amount: number; currency: string };
export type Membership = {
  userId: string;
  targetId: string;
  membershipType: 'WORKSPACE' | 'PROJECT' | 'USERGROUP';
  membershipStatus: 'PENDING' | 'ACTIVE' | 'DECLINED' | 'INACTIVE';
  hourlyRate: Rate | null;
  costRate: Rate | null;
};
export type UserSettings = Record<string, unknown> & { timeZone: string; weekStart: string; dateFormat: string; timeFormat: string };
export type User = {
  id: string;
  email: string;
  name: string;
  profilePicture: string;
  status: 'ACTIVE' | 'PENDING_EMAIL_VERIFICATION' | 'DELETED' | 'NOT_REGISTERED' | 'LIMITED' | 'LIMITED_DELETED';
  activeWorkspace: string;
  defaultWorkspace: string;
  memberships: Membership[];
  settings: UserSettings;
  customFields: unknown[];
};
export type Client = {
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
export type Tag = { id: string; name: string; workspaceId: string; archived: boolean };
export type Task = {
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
  hourlyRate: Rate | null;
  costRate: Rate | null;
  budgetEstimate: number;
};
export type Project = {
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
  hourlyRate: Rate;
  costRate: Rate | null;
  estimate: { estimate: string; type: 'AUTO' | 'MANUAL' };
  memberships: Membership[];
};
export type TimeInterval = { start: string; end: string | null; duration: string | null };
export type CustomFieldValue = { customFieldId: string; timeEntryId: string; value: string; name: string; type: string };
export type TimeEntry = {
  id: string;
  description: string;
  tagIds: string[];
  userId: string;
  billable: boolean;
  taskId: string | null;
  projectId: string | null;
  timeInterval: TimeInterval;
  workspaceId: string;
  isLocked: boolean;
  hourlyRate: Rate | null;
  costRate: Rate | null;
  customFieldValues: CustomFieldValue[];
  type: 'REGULAR' | 'BREAK';
  kioskId: string | null;
};

export type * from './workflow-types';
