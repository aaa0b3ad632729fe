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
  id: string; name: string; workspaceId: string; archived: boolean; address: string; email: string; note: string;
  ccEmails: string[]; currencyId: string; currencyCode: string;
};
export type Tag = { id: string; name: string; workspaceId: string; archived: boolean };
export type Task = {
  id: string; name: string; projectId: string; workspaceId: string; assigneeIds: string[]; assigneeId: string;
  userGroupIds: string[]; estimate: string; status: 'ACTIVE' | 'DONE'; duration: string; billable: boolean;
  hourlyRate: Rate | null; costRate: Rate | null; budgetEstimate: number;
};
export type Project = {
  id: string; name: string; workspaceId: string; clientId: string; clientName: string; billable: boolean; color: string;
  archived: boolean; duration: string; note: string; public: boolean; template: boolean; hourlyRate: Rate;
  costRate: Rate | null; estimate: { estimate: string; type: 'AUTO' | 'MANUAL' }; memberships: Membership[];
};
export type TimeInterval = { start: string; end: string | null; duration: string | null };
export type CustomFieldValue = { customFieldId: string; timeEntryId: string; value: string; name: string; type: string };
export type TimeEntry = {
  id: string; description: string; tagIds: string[]; userId: string; billable: boolean; taskId: string | null;
  projectId: string | null; timeInterval: TimeInterval; workspaceId: string; isLocked: boolean; hourlyRate: Rate | null;
  costRate: Rate | null; customFieldValues: CustomFieldValue[]; type: 'REGULAR' | 'BREAK'; kioskId: string | null;
};
export type ExpenseCategory = {
  id: string; name: string; workspaceId: string; archived: boolean; hasUnitPrice: boolean; priceInCents: number; unit: string;
};
export type Expense = {
  id: string; workspaceId: string; userId: string; date: string; projectId: string; taskId: string | null; categoryId: string;
  notes: string; quantity: number; billable: boolean; fileId: string; total: number; locked: boolean;
};
export type UserGroup = { id: string; name: string; workspaceId: string; userIds: string[]; teamManagers: { id: string; name: string }[] };
export type CustomField = {
  id: string; name: string; workspaceId: string; type: string; entityType: 'TIMEENTRY' | 'USER'; status: 'VISIBLE' | 'INVISIBLE' | 'INACTIVE';
  allowedValues: string[]; description: string; placeholder: string; required: boolean; onlyAdminCanEdit: boolean;
  projectDefaultValues: unknown[]; workspaceDefaultValue: string;
};
export type Holiday = {
  id: string; name: string; workspaceId: string; datePeriod: { startDate: string; endDate: string }; occursAnnually: boolean;
  everyoneIncludingNew: boolean; automaticTimeEntryCreation: boolean; userIds: string[]; userGroupIds: string[];
};
export type Policy = {
  id: string; name: string; workspaceId: string; archived: boolean; timeUnit: 'DAYS' | 'HOURS'; allowHalfDay: boolean;
  allowNegativeBalance: boolean; everyoneIncludingNew: boolean; userIds: string[]; userGroupIds: string[];
  approve: { requiresApproval: boolean; specificMembers: boolean; teamManagers: boolean; userIds: string[] };
};
export type TimeOffStatus = {
  statusType: 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
  changedByUserId: string | null; changedByUserName: string | null; changedAt: string | null; note: string | null;
};
export type TimeOffRequest = {
  id: string; userId: string; workspaceId: string; policyId: string; timeZone: string; halfDay: boolean;
  timeOffPeriod: { period: { start: string; end: string } }; note: string | null; status: TimeOffStatus; balanceDiff: number;
  createdAt: string; requesterUserId: string; excludeDays: string[]; negativeBalanceUsed: number; balanceValueAtRequest: number;
};
export type ApprovalRequest = {
  id: string; workspaceId: string; dateRange: { start: string; end: string };
  owner: { userId: string; userName: string; timezone: string; startOfWeek: string };
  creator: { userId: string; userName: string; userEmail: string };
  status: { state: 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN_SUBMISSION' | 'WITHDRAWN_APPROVAL'; updatedBy: string; updatedByUserName: string; updatedAt: string; note: string };
};
export type InvoiceItem = { order: number; quantity: number; description: string; unitPrice: number; amount: number; itemType: string | null; timeEntryIds: string[] };
export type Invoice = {
  id: string; number: string; status: 'UNSENT' | 'SENT' | 'PAID' | 'PARTIALLY_PAID' | 'VOID' | 'OVERDUE'; issuedDate: string; dueDate: string;
  subtotal: number; discount: number; tax: number; tax2: number; discountAmount: number; taxAmount: number; tax2Amount: number;
  amount: number; currency: string; subject: string; note: string; clientId: string; clientName: string; clientAddress: string;
  userId: string; items: InvoiceItem[]; workspaceId: string;
};
export type Assignment = {
  id: string; workspaceId: string; userId: string; projectId: string; taskId: string | null; hoursPerDay: number; billable: boolean;
  note: string; period: { start: string; end: string }; startTime: string; published: boolean;
};
