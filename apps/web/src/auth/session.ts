import { decodeClaims } from './jwt-claims';

export type TRole = 'admin' | 'user';
export type TSession = {
  token: string;
  via: 'clockify' | 'dev';
  role: TRole;
  workspaceId: string | null;
  userId: string | null;
  /** Clockify's API base for this workspace (a claim of Clockify tokens); used for curl snippets. */
  backendUrl: string | null;
  expiresAt: number | null;
};

const ADMIN_ROLES = new Set(['OWNER', 'ADMIN']);

/** A session from a Clockify user token (role from its `workspaceRole` claim, as the server decides). */
export function sessionFromClockifyToken(token: string): TSession {
  const claims = decodeClaims(token);

  return {
    token,
    via: 'clockify',
    role: ADMIN_ROLES.has(String(claims?.workspaceRole ?? '')) ? 'admin' : 'user',
    workspaceId: claims?.workspaceId ?? null,
    userId: claims?.user ?? null,
    backendUrl: claims?.backendUrl ?? null,
    expiresAt: claims?.exp ? claims.exp * 1000 : null,
  };
}

export type TDevLoginResponse = { token: string; workspaceId: string; userId: string; role: string; notice?: string };

export function sessionFromDevLogin(res: TDevLoginResponse): TSession {
  const claims = decodeClaims(res.token);

  return {
    token: res.token,
    via: 'dev',
    role: res.role === 'user' ? 'user' : 'admin',
    workspaceId: res.workspaceId,
    userId: res.userId,
    backendUrl: null,
    expiresAt: claims?.exp ? claims.exp * 1000 : null,
  };
}
