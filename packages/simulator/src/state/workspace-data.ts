import type {
  ApprovalRequest,
  Assignment,
  Client,
  CustomField,
  Expense,
  ExpenseCategory,
  Holiday,
  Invoice,
  Policy,
  Project,
  Tag,
  Task,
  TimeEntry,
  TimeOffRequest,
  User,
  UserGroup,
} from './types';

export type Workspace = {
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
export type WebhookRecord = {
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

export type InstallationStatus = 'ACTIVE' | 'INACTIVE' | 'DELETED';
export type Installation = {
  addonId: string;
  addonKey: string;
  addonUserId: string;
  token: string;
  status: InstallationStatus;
  /** where installInto() delivered INSTALLED (the add-on's base URL), once it has been called */
  baseUrl?: string;
  settings: { id: string; name: string; value: unknown }[];
  /** the manifest webhooks sent in the last INSTALLED (origin 'manifest') */
  webhooks: WebhookRecord[];
};

export type WorkspaceData = {
  workspace: Workspace;
  users: User[];
  clients: Client[];
  projects: Project[];
  tasks: Task[];
  tags: Tag[];
  timeEntries: TimeEntry[];
  deletedTimeEntries: TimeEntry[];
  expenses: Expense[];
  deletedExpenses: Expense[];
  expenseCategories: ExpenseCategory[];
  userGroups: UserGroup[];
  customFields: CustomField[];
  holidays: Holiday[];
  policies: Policy[];
  timeOffRequests: TimeOffRequest[];
  approvalRequests: ApprovalRequest[];
  invoices: Invoice[];
  assignments: Assignment[];
  /** webhooks created through the API (GET /webhooks lists these) */
  webhooks: WebhookRecord[];
  installation: Installation;
};

/** Every webhook Clockify delivers to for this workspace: the manifest's, then the API-created ones. */
export const allWebhooks = (ws: WorkspaceData): WebhookRecord[] => [...ws.installation.webhooks, ...ws.webhooks];

export const ownerOf = (ws: WorkspaceData): User => ws.users.find((u) => u.id === ws.workspace.ownerId) ?? (ws.users[0] as User);
