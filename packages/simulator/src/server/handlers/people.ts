import { DAY } from '../../state/time';
import { list, paged, sortByName, str } from './query';
import { api, type TRouteDef } from './types';

const WS = '/v1/workspaces/{workspaceId}';

const contains = (value: string, needle: string | undefined) => !needle || value.toLowerCase().includes(needle.toLowerCase());

export const peopleRoutes: TRouteDef[] = [
  api({ method: 'GET', path: `${WS}/users`, operationId: 'getUsersOfWorkspace' }, ({ ws, query }) => {
    const status = str(query, 'status');
    const found = ws.users.filter(
      (u) =>
        contains(u.email, str(query, 'email')) &&
        contains(u.name, str(query, 'name')) &&
        (!status || status === 'ALL' || u.memberships.some((m) => m.membershipType === 'WORKSPACE' && m.membershipStatus === status)),
    );

    return paged(sortByName(found, query), query);
  }),
  api({ method: 'GET', path: `${WS}/user-groups`, operationId: 'getUserGroups' }, ({ ws, query }) => {
    const found = ws.userGroups.filter((g) => contains(g.name, str(query, 'name')));

    return paged(sortByName(found, query), query);
  }),
  api({ method: 'GET', path: `${WS}/custom-fields`, operationId: 'ofWorkspace' }, ({ ws, query }) => {
    const status = str(query, 'status');
    const entityTypes = list(query, 'entity-type');

    return {
      body: ws.customFields.filter(
        (f) =>
          contains(f.name, str(query, 'name')) &&
          (!status || f.status === status) &&
          (entityTypes.length === 0 || entityTypes.includes(f.entityType)),
      ),
    };
  }),
  api({ method: 'GET', path: `${WS}/holidays`, operationId: 'getHolidays' }, ({ ws, query }) => {
    const user = str(query, 'assigned-to');

    return { body: ws.holidays.filter((h) => !user || h.everyoneIncludingNew || h.userIds.includes(user)) };
  }),
  api({ method: 'GET', path: `${WS}/holidays/in-period`, operationId: 'getHolidaysInPeriod' }, ({ ws, query }) => {
    const start = Date.parse(str(query, 'start') ?? '') || 0;
    const end = Date.parse(str(query, 'end') ?? '') || Number.MAX_SAFE_INTEGER;
    const user = str(query, 'assigned-to');

    return {
      body: ws.holidays.filter(
        (h) =>
          (!user || h.everyoneIncludingNew || h.userIds.includes(user)) &&
          Date.parse(h.datePeriod.endDate) + DAY > start &&
          Date.parse(h.datePeriod.startDate) <= end,
      ),
    };
  }),
];
