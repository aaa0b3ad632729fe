import express, { Router } from 'express';

import { devLoginTarget, signDevToken, type TRuntime } from '@uw/api';

import { isLoopbackAddress } from './loopback';

/**
 * Outside production only: an admin session, so the product can be tried without Clockify: in the workspace
 * `workspaceId` names (`UW_DEV_LOGIN_WORKSPACE`, e.g. the demo's simulated one, once installed) or else in a local
 * workspace whose installation has no Clockify token (explorer calls and bootstraps need a real or simulated install).
 * It answers only clients on this machine (the socket's address; forwarded headers are not believed),
 * whatever NODE_ENV says, so a server that forgot NODE_ENV=production hands no admin token to the network.
 */
export function devLoginRoutes(runtime: TRuntime, options: { workspaceId?: string } = {}): Router {
  const r = Router();
  r.use((req, res, next) => {
    if (isLoopbackAddress(req.socket.remoteAddress)) return next();
    const message = 'the development login answers only clients on this machine (loopback addresses)';
    res.status(403).json({ error: { code: 'FORBIDDEN', message } });
  });
  r.use(express.json());
  r.post('/dev-login', async (_req, res) => {
    const { deps } = runtime;
    const { workspaceId, userId } = await devLoginTarget(deps, options.workspaceId);
    const token = await signDevToken(deps, workspaceId, userId);
    res.json({
      token,
      workspaceId,
      userId,
      role: 'admin',
      notice: 'development login: not available in production',
    });
  });

  return r;
}
