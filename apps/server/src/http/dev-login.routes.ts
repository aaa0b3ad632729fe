import express, { Router } from 'express';

import { ensureDevInstallation, signDevToken, type TRuntime } from '@uw/api';

import { isLoopbackAddress } from './loopback';

export const DEV_WORKSPACE_ID = 'dev-workspace';
const DEV_USER_ID = 'dev-user';

/**
 * Outside production only: a local workspace and an admin session, so the product can be tried without
 * Clockify. The installation has no Clockify token; explorer calls need a real (or simulated) install.
 * It answers only clients on this machine (the socket's address; forwarded headers are not believed),
 * whatever NODE_ENV says, so a server that forgot NODE_ENV=production hands no admin token to the network.
 */
export function devLoginRoutes(runtime: TRuntime): Router {
  const r = Router();
  r.use((req, res, next) => {
    if (isLoopbackAddress(req.socket.remoteAddress)) return next();
    const message = 'the development login answers only clients on this machine (loopback addresses)';
    res.status(403).json({ error: { code: 'FORBIDDEN', message } });
  });
  r.use(express.json());
  r.post('/dev-login', async (_req, res) => {
    const { deps } = runtime;
    await ensureDevInstallation(deps, { workspaceId: DEV_WORKSPACE_ID, userId: DEV_USER_ID });
    const token = await signDevToken(deps, DEV_WORKSPACE_ID, DEV_USER_ID);
    res.json({
      token,
      workspaceId: DEV_WORKSPACE_ID,
      userId: DEV_USER_ID,
      role: 'admin',
      notice: 'development login: not available in production',
    });
  });

  return r;
}
