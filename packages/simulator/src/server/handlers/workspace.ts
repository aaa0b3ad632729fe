import type { TWorkspaceData } from '../../state/workspace-data';
import { notFound } from '../http-error';
import { api, type TRouteDef } from './types';

/** WorkspaceDtoV1 for a stored workspace. */
export function workspaceDto(ws: TWorkspaceData) {
  const w = ws.workspace;

  return {
    id: w.id,
    name: w.name,
    hourlyRate: { ...w.hourlyRate },
    costRate: { amount: 0, currency: w.currency.code },
    memberships: ws.users.flatMap((u) => u.memberships.filter((m) => m.membershipType === 'WORKSPACE')),
    workspaceSettings: {
      timeRoundingInReports: false,
      onlyAdminsSeeBillableRates: true,
      onlyAdminsCreateProject: true,
      onlyAdminsSeeDashboard: false,
      defaultBillableProjects: true,
      isProjectPublicByDefault: true,
      forceProjects: false,
      forceTasks: false,
      forceTags: false,
      forceDescription: false,
      trackTimeDownToSecond: true,
      timeTrackingMode: 'DEFAULT',
      durationFormat: 'FULL',
      numberFormat: 'COMMA_PERIOD',
      currencyFormat: 'CURRENCY_SPACE_VALUE',
      workingDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
    },
    imageUrl: w.imageUrl,
    featureSubscriptionType: 'PRO',
    currencies: [{ id: w.currency.id, code: w.currency.code, isDefault: true }],
    subdomain: { name: '', enabled: false },
    cakeOrganizationId: w.id,
  };
}

export const workspaceRoutes: TRouteDef[] = [
  api({ method: 'GET', path: '/v1/user', operationId: 'getLoggedUser' }, ({ ws, auth }) => {
    const user = ws.users.find((u) => u.id === auth.userId) ?? ws.users.find((u) => u.id === ws.workspace.ownerId);
    if (!user) {
      throw notFound('User');
    }

    return { body: user };
  }),
  api({ method: 'GET', path: '/v1/workspaces', operationId: 'getWorkspacesOfUser' }, ({ ws }) => ({ body: [workspaceDto(ws)] })),
  api({ method: 'GET', path: '/v1/workspaces/{workspaceId}', operationId: 'getWorkspaceOfUser' }, ({ ws }) => ({ body: workspaceDto(ws) })),
];
