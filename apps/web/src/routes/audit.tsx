import { createRoute } from '@tanstack/react-router';

import { AuditPage } from './-components/audit/audit-page';
import { ZAuditSearchSchema } from './-components/search-schemas';
import { rootRoute } from './__root';

export const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  validateSearch: ZAuditSearchSchema,
  component: AuditPage,
});
