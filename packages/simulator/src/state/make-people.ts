import type { TMakeContext } from './make-context';
import { FIRST_NAMES, LAST_NAMES, nth, TIME_ZONES } from './names';
import type { TMembership, TUser, TUserGroup, TUserSettings } from './types';
import type { TWorkspace } from './workspace-data';

export function userSettings(timeZone: string): TUserSettings {
  return {
    weekStart: 'MONDAY',
    timeZone,
    timeFormat: 'HOUR24',
    dateFormat: 'DD/MM/YYYY',
    sendNewsletter: false,
    weeklyUpdates: false,
    longRunning: false,
    scheduledReports: true,
    approval: true,
    pto: true,
    alerts: true,
    reminders: true,
    onboarding: true,
    timeTrackingManual: false,
    summaryReportSettings: { group: 'Project', subgroup: 'Time Entry' },
    isCompactViewOn: false,
    dashboardSelection: 'ME',
    dashboardViewType: 'PROJECT',
    dashboardPinToTop: false,
    projectListCollapse: 50,
    collapseAllProjectLists: false,
    groupSimilarEntriesDisabled: false,
    myStartOfDay: '09:00',
    darkTheme: false,
    projectPickerSpecialFilter: false,
    lang: 'EN',
    multiFactorEnabled: false,
    scheduling: true,
    showOnlyWorkingDays: false,
    theme: 'DEFAULT',
  };
}

export const workspaceMembership = (userId: string, ws: TWorkspace, status: TMembership['membershipStatus'] = 'ACTIVE'): TMembership => ({
  userId,
  targetId: ws.id,
  membershipType: 'WORKSPACE',
  membershipStatus: status,
  hourlyRate: null,
  costRate: null,
});

export function makeUser(ctx: TMakeContext, ws: TWorkspace, spec: { index: number; status?: TUser['status'] }): TUser {
  const { index, status = 'ACTIVE' } = spec;
  const first = nth(FIRST_NAMES, index);
  const last = LAST_NAMES[index % LAST_NAMES.length] as string;
  const id = ctx.id();
  const handle = `${first}.${last}`.toLowerCase().replace(/\s+/g, '');

  return {
    id,
    email: `${handle}@example.com`,
    name: `${first} ${last}`,
    profilePicture: 'https://img.clockify.me/no-user-image.png',
    status,
    activeWorkspace: ws.id,
    defaultWorkspace: ws.id,
    memberships: [workspaceMembership(id, ws, status === 'PENDING_EMAIL_VERIFICATION' ? 'PENDING' : 'ACTIVE')],
    settings: userSettings(ctx.rng.pick(TIME_ZONES)),
    customFields: [],
  };
}

export function makeUserGroup(ctx: TMakeContext, ws: TWorkspace, spec: { name: string; members: TUser[] }): TUserGroup {
  const { name, members } = spec;
  return {
    id: ctx.id(),
    name,
    workspaceId: ws.id,
    userIds: members.map((u) => u.id),
    teamManagers: members.slice(0, 1).map((u) => ({ id: u.id, name: u.name })),
  };
}
