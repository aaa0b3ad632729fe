import { makeUser, makeUserGroup } from '../state/make-people';
import type { TUser } from '../state/types';
import { ownerOf } from '../state/workspace-data';
import { newestOrCreate } from './pick';
import type { TBodyBuilder, TBodyContext } from './types';
import { userBrief, userFull } from './views';

function joinUser(c: TBodyContext, status: TUser['status'] = 'ACTIVE'): TUser {
  const user = makeUser(c.ctx, c.ws.workspace, { index: c.ws.users.length, status });
  c.ws.users.push(user);

  return user;
}

/** Any member other than the owner (created when the owner is alone). */
function member(c: TBodyContext): TUser {
  const others = c.ws.users.filter((u) => u.id !== c.ws.workspace.ownerId);

  return others[others.length - 1] ?? joinUser(c);
}

function setMembership(c: TBodyContext, status: 'ACTIVE' | 'INACTIVE') {
  const user = member(c);
  for (const m of user.memberships) {
    if (m.membershipType === 'WORKSPACE') {
      m.membershipStatus = status;
    }
  }

  return userFull(user);
}

function inviter(c: TBodyContext) {
  const owner = ownerOf(c.ws);

  return { id: owner.id, email: owner.email, name: owner.name, profilePicture: owner.profilePicture };
}

const newGroup = (c: TBodyContext) => makeUserGroup(c.ctx, c.ws.workspace, { name: `Team ${c.ws.userGroups.length + 1}`, members: [] });

export const USER_BODIES: Record<string, TBodyBuilder> = {
  USER_JOINED_WORKSPACE: (c) => userFull(joinUser(c)),
  USER_ACTIVATED_ON_WORKSPACE: (c) => setMembership(c, 'ACTIVE'),
  USER_DEACTIVATED_ON_WORKSPACE: (c) => setMembership(c, 'INACTIVE'),
  USER_DELETED_FROM_WORKSPACE: (c) => {
    const user = member(c);
    c.ws.users = c.ws.users.filter((u) => u.id !== user.id);

    return userBrief(user);
  },
  USER_UPDATED: (c) => {
    const user = member(c);
    user.name = user.name.endsWith(' Jr.') ? user.name.slice(0, -4) : `${user.name} Jr.`;

    return userBrief(user);
  },
  USER_EMAIL_CHANGED: (c) => {
    const user = member(c);
    const oldEmail = user.email;
    user.email = oldEmail.startsWith('new.') ? oldEmail.slice(4) : `new.${oldEmail}`;

    return { ...userBrief(user), oldEmail };
  },
  USERS_INVITED_TO_WORKSPACE: (c) => {
    const invited = joinUser(c, 'PENDING_EMAIL_VERIFICATION');

    return {
      workspaceId: c.ws.workspace.id,
      inviter: { ...inviter(c), settings: ownerOf(c.ws).settings },
      invitedUserEmails: [invited.email],
    };
  },
  LIMITED_USERS_ADDED_TO_WORKSPACE: (c) => {
    const limited = joinUser(c, 'LIMITED');

    return { workspaceId: c.ws.workspace.id, inviter: inviter(c), invitedUserNames: [limited.name] };
  },
  USER_GROUP_CREATED: (c) => {
    const group = newGroup(c);
    c.ws.userGroups.push(group);

    return { ...group };
  },
  USER_GROUP_UPDATED: (c) => {
    const group = newestOrCreate(c.ws.userGroups, () => newGroup(c));
    group.name = group.name.endsWith(' (renamed)') ? group.name.replace(' (renamed)', '') : `${group.name} (renamed)`;

    return { ...group };
  },
  USER_GROUP_DELETED: (c) => {
    const group = newestOrCreate(c.ws.userGroups, () => newGroup(c));
    c.ws.userGroups = c.ws.userGroups.filter((g) => g.id !== group.id);

    return { ...group };
  },
};
