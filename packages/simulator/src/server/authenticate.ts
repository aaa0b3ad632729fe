import type { TTokenIssuer, TTokenRecord } from '../signing/token-issuer';
import type { TStore } from '../state/store';
import type { TWorkspaceData } from '../state/workspace-data';

export type TAuthenticated = { auth: TTokenRecord; ws: TWorkspaceData };

/**
 * X-Addon-Token must be the workspace's current installation token, or an unexpired user token of that
 * workspace; nothing works after the add-on was uninstalled. Paths without a workspace use the token's.
 */
export async function authenticate(
  { store, issuer }: { store: TStore; issuer: TTokenIssuer },
  { token, pathWorkspaceId }: { token: string | undefined; pathWorkspaceId: string | undefined },
): Promise<TAuthenticated | undefined> {
  if (!token) {
    return undefined;
  }
  const auth = await issuer.lookup(token);
  if (!auth || (auth.kind !== 'installation' && auth.kind !== 'user')) {
    return undefined;
  }
  const ws = store.get(pathWorkspaceId ?? auth.workspaceId);
  if (!ws || auth.workspaceId !== ws.workspace.id || ws.installation.status === 'DELETED') {
    return undefined;
  }
  if (auth.kind === 'installation' && token !== ws.installation.token) {
    return undefined;
  }
  if (auth.exp !== undefined && auth.exp * 1000 <= Date.now()) {
    return undefined;
  }

  return { auth, ws };
}
