import express, { Router, type Request } from 'express';
import type { z } from 'zod';

import {
  handleDeleted,
  handleInstalled,
  handleSettingsUpdated,
  handleStatusChanged,
  UserError,
  verifyLifecycleToken,
  ZDeletedBodySchema,
  ZInstalledBodySchema,
  ZSettingsBodySchema,
  ZStatusBodySchema,
  type TRuntime,
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

const tokenOf = (req: Request) => req.header('x-addon-lifecycle-token');

/** Clockify's lifecycle callbacks. Each verifies X-Addon-Lifecycle-Token before touching anything. */
export function lifecycleRoutes(runtime: TRuntime): Router {
  const r = Router();
  const { deps } = runtime;
  r.use(express.json({ limit: '256kb', type: () => true }));

  r.post('/installed', async (req, res) => {
    const body = parse(ZInstalledBodySchema, req.body);
    await verifyLifecycleToken(deps, tokenOf(req), body);
    res.json(await handleInstalled(deps, body, runtime.hooks));
  });
  r.post('/status-changed', async (req, res) => {
    const body = parse(ZStatusBodySchema, req.body);
    await verifyLifecycleToken(deps, tokenOf(req), body);
    res.json(await handleStatusChanged(deps, body));
  });
  r.post('/settings-updated', async (req, res) => {
    const body = parse(ZSettingsBodySchema, req.body);
    await verifyLifecycleToken(deps, tokenOf(req), body);
    res.json(await handleSettingsUpdated(deps, body));
  });
  const uninstall = async (req: Request, res: express.Response) => {
    const body = parse(ZDeletedBodySchema, req.body);
    await verifyLifecycleToken(deps, tokenOf(req), body);
    const result = await handleDeleted(deps, body);
    await runtime.flowIndex.refresh();
    res.json(result);
  };
  r.post('/uninstalled', uninstall);
  r.post('/deleted', uninstall);

  return r;
}
