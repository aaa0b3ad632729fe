import { describe, expect, it } from 'vitest';

import { sessionFromClockifyToken, sessionFromDevLogin } from './session';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (payload: unknown) => `${b64url({ alg: 'RS256' })}.${b64url(payload)}.sig`;

describe('sessions', () => {
  it('reads a Clockify user token: workspace, user, API base, expiry, admin role', () => {
    const token = jwt({
      workspaceId: 'w1',
      user: 'u1',
      workspaceRole: 'ADMIN',
      backendUrl: 'https://api.clockify.me/api',
      exp: 2_000_000_000,
    });

    expect(sessionFromClockifyToken(token)).toEqual({
      token,
      via: 'clockify',
      role: 'admin',
      workspaceId: 'w1',
      userId: 'u1',
      backendUrl: 'https://api.clockify.me/api',
      expiresAt: 2_000_000_000_000,
    });
  });

  it('treats any other Clockify role as a member', () => {
    expect(sessionFromClockifyToken(jwt({ workspaceRole: 'TEAM_MANAGER' })).role).toBe('user');
    expect(sessionFromClockifyToken(jwt({})).role).toBe('user');
  });

  it('takes the dev login response as it is', () => {
    const s = sessionFromDevLogin({ token: jwt({ exp: 100 }), workspaceId: 'dev-workspace', userId: 'dev-user', role: 'admin' });

    expect(s).toMatchObject({ via: 'dev', role: 'admin', workspaceId: 'dev-workspace', userId: 'dev-user', expiresAt: 100_000 });
  });
});
