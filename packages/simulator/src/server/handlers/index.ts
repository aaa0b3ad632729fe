import { approvalRoutes } from './approvals';
import { clientRoutes } from './clients';
import { expenseRoutes } from './expenses';
import { peopleRoutes } from './people';
import { projectRoutes } from './projects';
import { reportRoutes } from './reports';
import { schedulingInvoiceRoutes } from './scheduling-invoices';
import { tagRoutes } from './tags';
import { taskRoutes } from './tasks';
import { timeEntryRoutes } from './time-entries';
import { timeOffRoutes } from './time-off';
import type { TRouteDef } from './types';
import { webhookRoutes } from './webhooks';
import { workspaceRoutes } from './workspace';

/** Every operation with a real handler; the rest get the schema-shaped fallback (when a document is loaded). */
export const ROUTES: readonly TRouteDef[] = [
  ...workspaceRoutes,
  ...projectRoutes,
  ...clientRoutes,
  ...tagRoutes,
  ...taskRoutes,
  ...peopleRoutes,
  ...timeEntryRoutes,
  ...expenseRoutes,
  ...webhookRoutes,
  ...approvalRoutes,
  ...timeOffRoutes,
  ...schedulingInvoiceRoutes,
  ...reportRoutes,
];

export type { THandler, THandlerInput, THandlerResult, THandlerServices, TRouteDef } from './types';
