import type {
  TApprovalRequest,
  TAssignment,
  TClient,
  TCustomField,
  TExpense,
  TExpenseCategory,
  THoliday,
  TInvoice,
  TPolicy,
  TProject,
  TTag,
  TTask,
  TTimeEntry,
  TTimeOffRequest,
  TUser,
  TUserGroup,
} from './types';

export type TWorkspace = {
  id: string;
  name: string;
  ownerId: string;
  currency: { id: string; code: string };
  hourlyRate: { amount: number; currency: string };
  imageUrl: string;
};

/**
 * A webhook as Clockify stores it. Those created through the API live in `WorkspaceData.webhooks` (what the
 * webhook endpoints list); the manifest's, delivered in INSTALLED, live in `Installation.webhooks`.
 */
export type TWebhookRecord = {
  id: string;
  workspaceId: string;
  name: string;
  url: string;
  webhookEvent: string;
  triggerSource: string[];
  triggerSourceType: string;
  authToken: string;
  userId: string;
  enabled: boolean;
  origin: 'api' | 'manifest';
  /** the add-on whose token created it (absent for webhooks made by a person) */
  addonId?: string;
};

export type TInstallationStatus = 'ACTIVE' | 'INACTIVE' | 'DELETED';
export type TInstallation = {
  addonId: string;
  addonKey: string;
  addonUserId: string;
  token: string;
  status: TInstallationStatus;
  /** where installInto() delivered INSTALLED (the add-on's base URL), once it has been called */
  baseUrl?: string;
  settings: { id: string; name: string; value: unknown }[];
  /** the manifest webhooks sent in the last INSTALLED (origin 'manifest') */
  webhooks: TWebhookRecord[];
};

export type TWorkspaceData = {
  workspace: TWorkspace;
  users: TUser[];
  clients: TClient[];
  projects: TProject[];
  tasks: TTask[];
  tags: TTag[];
  timeEntries: TTimeEntry[];
  deletedTimeEntries: TTimeEntry[];
  expenses: TExpense[];
  deletedExpenses: TExpense[];
  expenseCategories: TExpenseCategory[];
  userGroups: TUserGroup[];
  customFields: TCustomField[];
  holidays: THoliday[];
  policies: TPolicy[];
  timeOffRequests: TTimeOffRequest[];
  approvalRequests: TApprovalRequest[];
  invoices: TInvoice[];
  assignments: TAssignment[];
  /** webhooks created through the API (GET /webhooks lists these) */
  webhooks: TWebhookRecord[];
  installation: TInstallation;
};

/** Every webhook Clockify delivers to for this workspace: the manifest's, then the API-created ones. */
export const allWebhooks = (ws: TWorkspaceData): TWebhookRecord[] => [...ws.installation.webhooks, ...ws.webhooks];

export const ownerOf = (ws: TWorkspaceData): TUser => ws.users.find((u) => u.id === ws.workspace.ownerId) ?? (ws.users[0] as TUser);
