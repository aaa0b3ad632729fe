import { makePolicy, makeTimeOffRequest } from '../state/make-workflow';
import { DAY, iso } from '../state/time';
import type { TTimeOffRequest, TTimeOffStatus } from '../state/types';
import { ownerOf } from '../state/workspace-data';
import { newestOrCreate } from './pick';
import type { TBodyBuilder, TBodyContext } from './types';

function newRequest(c: TBodyContext): TTimeOffRequest {
  const { ctx, ws } = c;
  const policy = newestOrCreate(ws.policies, () => makePolicy(ctx, ws.workspace, { name: 'Vacation', users: ws.users }));
  const request = makeTimeOffRequest(ctx, ws.workspace, {
    user: ctx.rng.pick(ws.users),
    policy,
    startMs: Math.floor(ctx.now() / DAY) * DAY + 7 * DAY,
  });
  ws.timeOffRequests.push(request);

  return request;
}

const pending = (c: TBodyContext) => c.ws.timeOffRequests.find((r) => r.status.statusType === 'PENDING') ?? newRequest(c);

function changeStatus(c: TBodyContext, statusType: TTimeOffStatus['statusType']) {
  const request = pending(c);
  const by = ownerOf(c.ws);
  request.status = { statusType, changedByUserId: by.id, changedByUserName: by.name, changedAt: iso(c.ctx.now()), note: null };

  return { ...request };
}

export const TIME_OFF_BODIES: Record<string, TBodyBuilder> = {
  TIME_OFF_REQUESTED: (c) => ({ ...newRequest(c) }),
  TIME_OFF_REQUEST_UPDATED: (c) => {
    const request = pending(c);
    request.note = 'Updated dates';

    return { ...request };
  },
  TIME_OFF_REQUEST_APPROVED: (c) => changeStatus(c, 'APPROVED'),
  TIME_OFF_REQUEST_REJECTED: (c) => changeStatus(c, 'REJECTED'),
  TIME_OFF_REQUEST_WITHDRAWN: (c) => {
    const body = changeStatus(c, 'WITHDRAWN');
    c.ws.timeOffRequests = c.ws.timeOffRequests.filter((r) => r.id !== body.id);

    return body;
  },
  TIME_OFF_REQUEST_STARTED: (c) => {
    const approved = c.ws.timeOffRequests.find((r) => r.status.statusType === 'APPROVED');

    return approved ? { ...approved } : changeStatus(c, 'APPROVED');
  },
  BALANCE_UPDATED: (c) => {
    const owner = ownerOf(c.ws);
    const user = c.ctx.rng.pick(c.ws.users);

    return { workspaceId: c.ws.workspace.id, userId: user.id, value: String(c.ctx.rng.int(1, 25)), note: 'Overtime', updatedBy: owner.id };
  },
};
