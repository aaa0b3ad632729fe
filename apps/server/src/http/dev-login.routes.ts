import express, { Router } from 'express';

import { signDevToken, type TRuntime } from '@uw/api';
import { Installation, newId } from '@uw/db';

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
    const em = deps.db.fork();
    const existing = await em.findOne(Installation, { workspaceId: DEV_WORKSPACE_ID });
    if (!existing) {
      const now = Date.now();
      await em.insert(Installation, {
        id: newId(),
        workspaceId: DEV_WORKSPACE_ID,
        addonId: 'dev-addon',
        status: 'ACTIVE',
        tokenCipher: null,
        apiUrl: 'http://127.0.0.1:0/api',
        reportsUrl: 'http://127.0.0.1:0/reports',
        ownerUserId: DEV_USER_ID,
        settings: {},
        installedAt: now,
        updatedAt: now,
        uninstalledAt: null,
      });
    }
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
