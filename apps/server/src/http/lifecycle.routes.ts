import express, { Router, type Request, type Response } from 'express';
import type { z } from 'zod';

import {
  acceptLifecycle,
  handleDeleted,
  handleInstalled,
  handleSettingsUpdated,
  handleStatusChanged,
  UserError,
  verifyLifecycleSignature,
  ZDeletedBodySchema,
  ZInstalledBodySchema,
  ZSettingsBodySchema,
  ZStatusBodySchema,
  type TRuntime,
  type TVerifiedLifecycleToken,
} from '@uw/api';

/** Parses with zod and turns a failure into a 400 that names the fields. */
function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const fields = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new UserError('VALIDATION_FAILED', `invalid lifecycle body: ${fields}`);
  }

  return result.data;
}

const tokenOf = (res: Response) => res.locals.lifecycleToken as TVerifiedLifecycleToken;

/**
 * Clockify's lifecycle callbacks. X-Addon-Lifecycle-Token is verified before the body is even read (a
 * forged token is 401 whatever the body); each handler then checks the token against the body and the
 * stored installation and refuses a replay before touching anything.
 */
export function lifecycleRoutes(runtime: TRuntime): Router {
  const r = Router();
  const { deps } = runtime;
  r.use(async (req: Request, res: Response, next) => {
    res.locals.lifecycleToken = await verifyLifecycleSignature(deps, req.header('x-addon-lifecycle-token'));
    next();
  });
  r.use(express.json({ limit: '256kb', type: () => true }));

  r.post('/installed', async (req, res) => {
    const body = parse(ZInstalledBodySchema, req.body);
    const call = { token: tokenOf(res), body, isInstall: true };
    res.json(await acceptLifecycle(deps, call, () => handleInstalled(deps, body, { onInstalled: runtime.bootstraps.onInstalled })));
  });
  r.post('/status-changed', async (req, res) => {
    const body = parse(ZStatusBodySchema, req.body);
    res.json(await acceptLifecycle(deps, { token: tokenOf(res), body, isInstall: false }, () => handleStatusChanged(deps, body)));
  });
  r.post('/settings-updated', async (req, res) => {
    const body = parse(ZSettingsBodySchema, req.body);
    res.json(await acceptLifecycle(deps, { token: tokenOf(res), body, isInstall: false }, () => handleSettingsUpdated(deps, body)));
  });
  const uninstall = async (req: Request, res: Response) => {
    const body = parse(ZDeletedBodySchema, req.body);
    const result = await acceptLifecycle(deps, { token: tokenOf(res), body, isInstall: false }, () => handleDeleted(deps, body));
    await runtime.flowIndex.refresh();
    res.json(result);
  };
  r.post('/uninstalled', uninstall);
  r.post('/deleted', uninstall);

  return r;
}
